package dev.hndeepest.answer;

import static dev.hndeepest.hn.TreeBuilder.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.discovery.DiscoveryReport;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.FakeHnApi;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.hn.HnUnavailableException;
import dev.hndeepest.hn.RandomHnItems;
import dev.hndeepest.hn.TreeBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeepestThreadFinderTest {
  private static final long FROM = 1_700_000_000;
  private static final TimeWindow WINDOW = new TimeWindow(1, FROM, FROM + 3_600);
  /** A clock long after the window: the finder must not take the "as of now" route. */
  private static final Clock LATER = clockAt(FROM + 30 * 86_400);

  private static Clock clockAt(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  private static DeepestThreadResult find(TreeBuilder tree) {
    return new DeepestThreadFinder(tree.api(), ItemSource.CUSTOM, LATER).find(WINDOW, ProgressListener.NONE);
  }

  @Test
  void find_shouldReturnNullPostFields_whenWindowHasNoPost() {
    // GIVEN posts only outside the window, and a comment and a job inside it
    var tree = tree().post(1, FROM).comment(2, 1, FROM + 10).job(3, FROM + 20).post(4, FROM + 3_601);

    // WHEN
    var result = find(tree);

    // THEN
    assertThat(result.postId()).isNull();
    assertThat(result.type()).isNull();
    assertThat(result.depth()).isNull();
    assertThat(result.comments()).isNull();
    assertThat(result.deepestPath()).isNull();
    assertThat(result.window()).isEqualTo(WINDOW);
    assertThat(result.postsConsidered()).isZero();
    assertThat(result.deepestThread()).isNull();
    assertThat(result.source()).isEqualTo(ItemSource.CUSTOM);
  }

  @Test
  void find_shouldPickWinnerWithDepthZero_whenNoPostHasComments() {
    // GIVEN two posts without (visible) comments
    var tree = tree().post(5, FROM + 10).post(3, FROM + 5).comment(6, 3, FROM + 20).deleted();

    // WHEN
    var result = find(tree);

    // THEN the smaller id wins at depth 0
    assertThat(result.postId()).isEqualTo(3L);
    assertThat(result.depth()).isZero();
    assertThat(result.comments()).isZero();
    assertThat(result.deepestPath()).isEmpty();
    assertThat(result.postsConsidered()).isEqualTo(2);
  }

  @Test
  void find_shouldBreakDepthTie_byMoreComments() {
    // GIVEN two posts of depth 2; post 20 has one more comment
    var tree = tree()
        .post(10, FROM + 1).comment(11, 10, FROM + 2).comment(12, 11, FROM + 3)
        .post(20, FROM + 4).comment(21, 20, FROM + 5).comment(22, 21, FROM + 6).comment(23, 20, FROM + 7);

    // WHEN
    var result = find(tree);

    // THEN
    assertThat(result.postId()).isEqualTo(20L);
    assertThat(result.comments()).isEqualTo(3);
  }

  @Test
  void find_shouldBreakDepthAndCommentsTie_bySmallerId() {
    // GIVEN two posts alike in depth and comments
    var tree = tree()
        .post(10, FROM + 1).comment(21, 10, FROM + 5)
        .post(20, FROM + 2).comment(22, 20, FROM + 6);

    // WHEN
    var result = find(tree);

    // THEN
    assertThat(result.postId()).isEqualTo(10L);
    assertThat(result.deepestPath()).containsExactly(21L);
  }

  @Test
  void find_shouldNotPickPost_whenItIsDeadOrDeleted() {
    // GIVEN the deepest threads hang under a dead and a deleted post
    var tree = tree()
        .post(1, FROM + 1).dead().comment(2, 1, FROM + 2).comment(3, 2, FROM + 3).comment(4, 3, FROM + 4)
        .post(5, FROM + 5).deleted().comment(6, 5, FROM + 6).comment(7, 6, FROM + 7)
        .post(8, FROM + 8).comment(9, 8, FROM + 9);

    // WHEN
    var result = find(tree);

    // THEN
    assertThat(result.postId()).isEqualTo(8L);
    assertThat(result.postsConsidered()).isEqualTo(1);
  }

  @Test
  void find_shouldTreatPollAsPost_andNotCountItsOptions() {
    // GIVEN a poll with three options and a two-level thread, and a story with one comment
    var tree = tree()
        .poll(1, FROM + 1).pollopt(2, 1, FROM + 1).pollopt(3, 1, FROM + 1).pollopt(4, 1, FROM + 1)
        .comment(5, 1, FROM + 2).comment(6, 5, FROM + 3)
        .post(7, FROM + 4).comment(8, 7, FROM + 5).comment(9, 7, FROM + 6).comment(10, 7, FROM + 7);

    // WHEN
    var result = find(tree);

    // THEN
    assertThat(result.postId()).isEqualTo(1L);
    assertThat(result.type()).isEqualTo("poll");
    assertThat(result.depth()).isEqualTo(2);
    assertThat(result.comments()).isEqualTo(2);
  }

  @Test
  void find_shouldLeaveOutReplies_postedAfterWindowEnd() {
    // GIVEN post 1's deep replies come after the window's end, post 5's shallower ones inside it
    long to = WINDOW.to();
    var tree = tree()
        .post(1, FROM + 1).comment(2, 1, FROM + 2).comment(3, 2, to + 1).comment(4, 3, to + 2)
        .post(5, FROM + 3).comment(6, 5, FROM + 4).comment(7, 6, to);

    // WHEN
    var result = find(tree);

    // THEN
    assertThat(result.postId()).isEqualTo(5L);
    assertThat(result.deepestPath()).containsExactly(6L, 7L);
  }

  @Test
  void find_shouldFillResultFieldsWithHnLinks_whenSourceIsFirebase() {
    // GIVEN
    var tree = tree().post(1, FROM + 100).title("Show HN: x").url("https://x.example").comment(2, 1, FROM + 200);
    var api = tree.api();

    // WHEN
    var result = new DeepestThreadFinder(api, ItemSource.FIREBASE, LATER).find(WINDOW, ProgressListener.NONE);

    // THEN
    assertThat(result.title()).isEqualTo("Show HN: x");
    assertThat(result.url()).isEqualTo("https://x.example");
    assertThat(result.by()).isEqualTo("user1");
    assertThat(result.time()).isEqualTo(FROM + 100);
    assertThat(result.hnUrl()).isEqualTo("https://news.ycombinator.com/item?id=1");
    assertThat(result.deepestThread()).singleElement()
        .satisfies(c -> assertThat(c.hnUrl()).isEqualTo("https://news.ycombinator.com/item?id=2"));
    assertThat(result.source()).isEqualTo(ItemSource.FIREBASE);
    assertThat(result.itemsFetched()).isEqualTo(api.stats().itemsFetched()).isPositive();
  }

  @Test
  void find_shouldShowTheChainWithPlaceholdersAndNoLinks_whenSourceIsNotFirebase() {
    // GIVEN post 1's deepest chain runs through a deleted and a dead comment
    var tree = tree().post(1, FROM + 100)
        .comment(2, 1, FROM + 200).comment(3, 2, FROM + 300).deleted().comment(4, 3, FROM + 400).dead()
        .comment(5, 4, FROM + 500).comment(6, 1, FROM + 600);

    // WHEN
    var result = new DeepestThreadFinder(tree.api(), ItemSource.SNAPSHOT, LATER).find(WINDOW, ProgressListener.NONE);

    // THEN one entry per level, deepestPath's ids, placeholders without text, no HN links anywhere
    assertThat(result.deepestPath()).containsExactly(2L, 3L, 4L, 5L);
    assertThat(result.deepestThread()).extracting(DeepestThreadResult.Comment::id).containsExactly(2L, 3L, 4L, 5L);
    assertThat(result.deepestThread()).extracting(DeepestThreadResult.Comment::level).containsExactly(1, 2, 3, 4);
    var top = result.deepestThread().getFirst();
    assertThat(top.by()).isEqualTo("user2");
    assertThat(top.time()).isEqualTo(FROM + 200);
    assertThat(top.timeIso()).isEqualTo(java.time.Instant.ofEpochSecond(FROM + 200).toString());
    assertThat(top.text()).isEqualTo("text of 2");
    assertThat(result.deepestThread().get(1)).satisfies(c -> {
      assertThat(c.deleted()).isTrue();
      assertThat(c.by()).isNull();
      assertThat(c.text()).isNull();
    });
    assertThat(result.deepestThread().get(2)).satisfies(c -> {
      assertThat(c.dead()).isTrue();
      assertThat(c.text()).as("a dead placeholder shows no text").isNull();
    });
    assertThat(result.deepestThread().get(3).text()).isEqualTo("text of 5");
    assertThat(result.hnUrl()).isNull();
    assertThat(result.deepestThread()).extracting(DeepestThreadResult.Comment::hnUrl).containsOnlyNulls();
    assertThat(result.source()).isEqualTo(ItemSource.SNAPSHOT);
  }

  @Test
  void find_shouldReportProgress_inOrder() {
    // GIVEN three posts
    var tree = tree().post(1, FROM + 1).post(2, FROM + 2).post(3, FROM + 3).comment(4, 3, FROM + 4);
    var events = new ArrayList<String>();
    var listener = new ProgressListener() {
      @Override
      public void discovered(int posts) {
        events.add("discovered " + posts);
      }

      @Override
      public void measured(int done, int total) {
        events.add(done + "/" + total);
      }

      @Override
      public void discoveredBy(DiscoveryReport report) {
        events.add(report.route().name());
      }
    };

    // WHEN
    new DeepestThreadFinder(tree.api(), ItemSource.CUSTOM, LATER).find(WINDOW, listener);

    // THEN
    assertThat(events).containsExactly("ID_SCAN", "discovered 3", "1/3", "2/3", "3/3");
  }

  @Test
  void find_shouldPropagateHnUnavailableException_unwrapped() {
    // GIVEN a comment whose fetch keeps failing
    var items = tree().post(1, FROM + 1).comment(2, 1, FROM + 2).post(3, FROM + 3).items();
    var api = FakeHnApi.builder().items(items).failOn(2).newStories(List.of(3L, 1L)).build();

    // WHEN / THEN (asOf now, so discovery reads /newstories and only the crawl touches item 2)
    var finder = new DeepestThreadFinder(api, ItemSource.CUSTOM, clockAt(WINDOW.to()));
    assertThatThrownBy(() -> finder.find(new TimeWindow(2, FROM - 3_600, WINDOW.to()), ProgressListener.NONE))
        .isExactlyInstanceOf(HnUnavailableException.class)
        .hasMessageContaining("item 2");
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void find_shouldMatchBruteForceOracle_onGeneratedData(long seed) {
    // GIVEN ~11 h of generated items and windows of 1 to 3 hours ending at different points
    var items = RandomHnItems.generate(seed, 6_500, FROM);
    var byId = RandomHnItems.byId(items);
    long lastTime = items.getLast().time();
    for (long to : new long[] {FROM + 4 * 3_600 + seed, FROM + 7 * 3_600 - seed, lastTime}) {
      var window = TimeWindow.endingAt(to, (int) (seed % 3) + 1);
      var expected = Oracle.deepest(items, byId, window);

      // WHEN as of long ago, and as of now (the fast route where the list covers the window)
      var old = new DeepestThreadFinder(FakeHnApi.of(items), ItemSource.CUSTOM, clockAt(lastTime + 86_400)).find(window, ProgressListener.NONE);
      var now = new DeepestThreadFinder(FakeHnApi.of(items), ItemSource.CUSTOM, clockAt(to)).find(window, ProgressListener.NONE);

      // THEN
      for (var result : List.of(old, now)) {
        assertThat(result.postId()).as("to=%d", to).isEqualTo(expected.postId());
        assertThat(result.depth()).as("to=%d", to).isEqualTo(expected.depth());
        assertThat(result.comments()).as("to=%d", to).isEqualTo(expected.comments());
        assertThat(result.deepestPath()).as("to=%d", to).isEqualTo(expected.path());
        assertThat(result.postsConsidered()).as("to=%d", to).isEqualTo(expected.posts());
      }
    }
  }

  @Test
  void find_shouldRequestNoItemTwice_whenPostsComeFromNewStories() {
    // GIVEN asOf now, so discovery reads only the listed stories and the crawl only the trees
    var items = RandomHnItems.generate(99, 6_500, FROM);
    long to = items.getLast().time();
    var api = FakeHnApi.of(items);

    // WHEN
    var result = new DeepestThreadFinder(api, ItemSource.CUSTOM, clockAt(to)).find(TimeWindow.endingAt(to, 2), ProgressListener.NONE);

    // THEN
    assertThat(result.depth()).isPositive();
    assertThat(api.idsRequestedMoreThanOnce()).isEmpty();
  }

  /** Brute force, written apart from the production code: recursion over the item map. */
  private static final class Oracle {
    record Expected(Long postId, Integer depth, Integer comments, List<Long> path, long posts) {}

    private record Thread(long postId, int depth, int comments, List<Long> path) {}

    static Expected deepest(List<HnItem> items, Map<Long, HnItem> byId, TimeWindow window) {
      var threads = items.stream()
          .filter(i -> ("story".equals(i.type()) || "poll".equals(i.type()))
              && !Boolean.TRUE.equals(i.deleted()) && !Boolean.TRUE.equals(i.dead())
              && i.time() > window.from() && i.time() <= window.to())
          .map(post -> measure(post, byId, window.to()))
          .sorted(Comparator.comparingInt(Thread::depth).reversed()
              .thenComparing(Comparator.comparingInt(Thread::comments).reversed())
              .thenComparingLong(Thread::postId))
          .toList();
      if (threads.isEmpty()) {
        return new Expected(null, null, null, null, 0);
      }
      var best = threads.getFirst();
      return new Expected(best.postId(), best.depth(), best.comments(), best.path(), threads.size());
    }

    private static Thread measure(HnItem post, Map<Long, HnItem> byId, long asOf) {
      var walk = new Walk(byId, asOf);
      for (long kid : post.kidIds()) {
        walk.visit(kid, 1, new ArrayList<>());
      }
      return new Thread(post.id(), walk.bestDepth, walk.comments, walk.bestPath);
    }

    private static final class Walk {
      final Map<Long, HnItem> byId;
      final long asOf;
      int comments;
      int bestDepth;
      long bestId = Long.MAX_VALUE;
      List<Long> bestPath = List.of();

      Walk(Map<Long, HnItem> byId, long asOf) {
        this.byId = byId;
        this.asOf = asOf;
      }

      void visit(long id, int level, List<Long> pathAbove) {
        var item = byId.get(id);
        if (item == null || item.time() > asOf) {
          return;
        }
        var path = new ArrayList<>(pathAbove);
        path.add(id);
        if (!Boolean.TRUE.equals(item.deleted()) && !Boolean.TRUE.equals(item.dead())) {
          comments++;
          if (level > bestDepth || (level == bestDepth && id < bestId)) {
            bestDepth = level;
            bestId = id;
            bestPath = path;
          }
        }
        if (item.kids() != null) {
          for (long kid : item.kids()) {
            visit(kid, level + 1, path);
          }
        }
      }
    }
  }
}
