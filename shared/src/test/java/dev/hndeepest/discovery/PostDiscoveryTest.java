package dev.hndeepest.discovery;

import static dev.hndeepest.hn.TreeBuilder.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.discovery.DiscoveryReport.Route;
import dev.hndeepest.hn.FakeHnApi;
import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnClientStats;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.hn.HnUnavailableException;
import dev.hndeepest.hn.RandomHnItems;
import dev.hndeepest.hn.TreeBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostDiscoveryTest {
  private static final long T0 = 1_700_000_000;
  private static final long FROM = T0 + 10_000;
  private static final TimeWindow WINDOW = new TimeWindow(1, FROM, FROM + 3_600);

  // ---- firstIdAfter: the k-ary search on time ----

  /** Ids 1..max, 5 s apart with up to ±4 s of jitter; some null, some deleted stubs. */
  private static FakeHnApi jitteredIds(long maxId, LongPredicate answersNull) {
    return FakeHnApi.builder()
        .computed(maxId, id -> answersNull.test(id) ? null : jitteredItem(id))
        .build();
  }

  private static HnItem jitteredItem(long id) {
    long time = T0 + id * 5 + Math.floorMod(id * 7_919, 9) - 4;
    boolean deleted = id % 11 == 0;
    return new HnItem(id, "comment", deleted ? null : "u", time, deleted ? Boolean.TRUE : null,
        null, 1L, null, null, null, deleted ? null : "t", null, null, null, null);
  }

  /** Brute force: the smallest non-null id with time > t, or maxId + 1. */
  private static long trueFirstAfter(long t, long maxId, LongPredicate answersNull) {
    return LongStream.rangeClosed(1, maxId)
        .filter(id -> !answersNull.test(id) && jitteredItem(id).time() > t)
        .findFirst().orElse(maxId + 1);
  }

  @ParameterizedTest
  @ValueSource(longs = {T0 + 1_000, T0 + 123_457, T0 + 250_003, T0 + 499_990})
  void firstIdAfter_shouldStartSafelyEarly_despiteNullsDeletedStubsAndJitter(long time) {
    // GIVEN 100,000 jittered ids, every 13th null and a run of 40 nulls just before the boundary
    long maxId = 100_000;
    long boundary = trueFirstAfter(time - PostDiscovery.SLACK_SECONDS, maxId, id -> false);
    LongPredicate answersNull = id -> id % 13 == 0 || (id >= boundary - 40 && id < boundary);
    var api = jitteredIds(maxId, answersNull);

    // WHEN
    long first = new PostDiscovery(api).firstIdAfter(time, maxId);

    // THEN nothing later than `time` lies below it, and it starts at most slack + jitter early,
    // apart from ids that answer null (a scan reads those for nothing but misses nothing)
    assertThat(first).isLessThanOrEqualTo(trueFirstAfter(time, maxId, answersNull));
    long tight = trueFirstAfter(time - PostDiscovery.SLACK_SECONDS - 2 * 4, maxId, answersNull);
    assertThat(LongStream.range(first, tight).filter(id -> !answersNull.test(id))).isEmpty();
  }

  @Test
  void firstIdAfter_shouldUseFewRoundTrips_onTenMillionIds() {
    // GIVEN 10 M ids, every 13th null
    long maxId = 10_000_000;
    LongPredicate answersNull = id -> id % 13 == 0;
    var api = jitteredIds(maxId, answersNull);
    long time = T0 + 5 * 7_654_321;

    // WHEN
    long first = new PostDiscovery(api).firstIdAfter(time, maxId);

    // THEN ~log13(10 M) rounds of 12 probes, each fetched with its neighbourhood of 5 ids (binary
    // search would need ~24 round-trips)
    assertThat(api.batches()).isLessThanOrEqualTo(10);
    assertThat(api.itemRequests()).isLessThanOrEqualTo(10L * IdTimeSearch.FANOUT * NeighbourTime.JUDGES);
    long slackIds = PostDiscovery.SLACK_SECONDS / 5;
    assertThat(first).isBetween(7_654_321 - slackIds - 3, 7_654_321 - slackIds + 3);
  }

  @Test
  void firstIdAfter_shouldReturnFirstId_whenTimeIsBeforeEveryItem() {
    // GIVEN
    var api = jitteredIds(1_000, id -> false);

    // WHEN / THEN
    assertThat(new PostDiscovery(api).firstIdAfter(T0 - 10_000, 1_000)).isEqualTo(1);
  }

  @Test
  void firstIdAfter_shouldReturnPastTheEnd_whenNoItemIsLaterThanSlackBeforeTime() {
    // GIVEN
    var api = jitteredIds(1_000, id -> false);

    // WHEN / THEN
    assertThat(new PostDiscovery(api).firstIdAfter(T0 + 1_000 * 5 + 10_000, 1_000)).isEqualTo(1_001);
  }

  @Test
  void firstIdAfter_shouldHandOverNullRun_insteadOfProbingItIdById() {
    // GIVEN ids 2,000..6,999 of 10,000 answer null, and the boundary lies inside that run
    LongPredicate answersNull = id -> id >= 2_000 && id < 7_000;
    var api = jitteredIds(10_000, answersNull);
    long time = T0 + 5 * 4_000;

    // WHEN
    long first = new PostDiscovery(api).firstIdAfter(time, 10_000);

    // THEN the scan starts inside or just before the run (nothing after `time` is skipped),
    // found in a few round-trips rather than by proving 5,000 ids null
    assertThat(first).isBetween(1_000L, 7_000L);
    assertThat(api.batches()).isLessThanOrEqualTo(12);
  }

  @Test
  void firstIdAfter_shouldFindBoundary_whenMillionsOfIdsBelowTheDataAnswerNull() {
    // GIVEN a replica-like id space: ids below 44,000,000 never existed, 20,000 items follow
    long firstItem = 44_000_000;
    long maxId = firstItem + 20_000;
    LongPredicate answersNull = id -> id < firstItem;
    var api = jitteredIds(maxId, answersNull);
    long time = T0 + (firstItem + 12_345) * 5;

    // WHEN
    long first = new PostDiscovery(api).firstIdAfter(time, maxId);

    // THEN the scan starts at or just before the first id after time - SLACK, in a few round-trips
    long truth = trueFirstAfter(time - PostDiscovery.SLACK_SECONDS, maxId, answersNull);
    assertThat(first).isBetween(truth - 20, truth);
    assertThat(api.batches()).isLessThanOrEqualTo(20);
  }

  @Test
  void firstIdAfter_shouldGiveUp_whenEveryIdAnswersNull() {
    // GIVEN an API that answers null for all of its 10 M ids
    var api = FakeHnApi.builder().computed(10_000_000, id -> null).build();

    // WHEN / THEN a clear error instead of a scan of 10 M ids or an endless search
    assertThatThrownBy(() -> new PostDiscovery(api).firstIdAfter(T0, 10_000_000))
        .isInstanceOf(HnUnavailableException.class)
        .hasMessageContaining("null");
  }

  // ---- postsIn: the window's posts ----

  /** Posts around the window's edges, plus items that are not posts. */
  private static TreeBuilder edges() {
    return tree()
        .post(1, FROM - 700)
        .post(2, FROM)
        .post(3, FROM + 1).comment(4, 3, FROM + 10)
        .job(5, FROM + 20)
        .post(6, FROM + 30).dead()
        .post(7, FROM + 40).deleted()
        .poll(8, FROM + 50).pollopt(9, 8, FROM + 50)
        .post(10, FROM + 3_600)
        .post(11, FROM + 3_601)
        .post(12, FROM + 9_000);
  }

  @Test
  void discover_shouldHonourBoundsAndKeepOnlyVisiblePosts_whenAsOfIsOld() {
    // GIVEN an asOf long past
    var api = edges().api();
    var now = Instant.ofEpochSecond(WINDOW.to()).plus(Duration.ofDays(30));

    // WHEN
    var discovered = new PostDiscovery(api).discover(WINDOW, now);

    // THEN at exactly `from` out, at exactly `to` in; jobs, dead, deleted and comments out
    assertThat(discovered.posts()).extracting(HnItem::id).containsExactly(3L, 8L, 10L);
    assertThat(discovered.report().route()).isEqualTo(Route.ID_SCAN);
    assertThat(api.newStoriesCalls()).isZero();
  }

  @Test
  void discover_shouldUseNewStories_whenListProvablyCoversWindow() {
    // GIVEN asOf is now and /newstories reaches back past `from`: its three oldest posts, a majority
    // of the five that judge the list's end together, are older than the window
    var tree = tree()
        .post(1, FROM - 900)
        .post(2, FROM - 800)
        .post(3, FROM - 700)
        .post(4, FROM)
        .post(5, FROM + 1).comment(6, 5, FROM + 10)
        .job(7, FROM + 20)
        .poll(8, FROM + 50).pollopt(9, 8, FROM + 50)
        .post(10, FROM + 3_600)
        .post(11, FROM + 3_601);
    var api = tree.api();
    var now = Instant.ofEpochSecond(WINDOW.to() + 30);

    // WHEN
    var discovered = new PostDiscovery(api).discover(WINDOW, now);

    // THEN
    assertThat(discovered.posts()).extracting(HnItem::id).containsExactly(5L, 8L, 10L);
    assertThat(discovered.report().route()).isEqualTo(Route.NEW_STORIES);
    assertThat(discovered.report().searchRounds()).isZero();
    assertThat(api.requests(6)).as("comments are not scanned").isZero();
  }

  @Test
  void discover_shouldScanIds_whenNewStoriesListIsTooShort() {
    // GIVEN asOf is now but /newstories only reaches back to post 8
    var api = FakeHnApi.builder().items(edges().items()).newStories(List.of(12L, 11L, 10L, 8L)).build();
    var now = Instant.ofEpochSecond(WINDOW.to());

    // WHEN
    var discovered = new PostDiscovery(api).discover(WINDOW, now);

    // THEN
    assertThat(discovered.posts()).extracting(HnItem::id).containsExactly(3L, 8L, 10L);
    assertThat(discovered.report().route()).isEqualTo(Route.ID_SCAN);
    assertThat(api.newStoriesCalls()).isEqualTo(1);
  }

  @Test
  void locate_shouldReadListedPostsOnlyDownToTheWindowsStart_whenTheListCoversIt() {
    // GIVEN ~11 h of items as of now, whose 500-post /newstories reaches far past a 1-hour window
    var items = RandomHnItems.generate(5, 6_500, T0);
    long to = items.getLast().time();
    var window = TimeWindow.endingAt(to, 1);
    var api = FakeHnApi.of(items);
    var listed = api.newStories();
    var expected = items.stream()
        .filter(i -> i.isPost() && i.isVisible() && window.contains(i.time()))
        .map(HnItem::id).toList();

    // WHEN
    var location = new PostDiscovery(api).locate(window, Instant.ofEpochSecond(to));

    // THEN the window's posts, having read the oldest listed post and the newest ones in chunks only
    assertThat(location).isInstanceOfSatisfying(WindowLocation.Listed.class, found ->
        assertThat(found.discovered().posts()).extracting(HnItem::id).isEqualTo(expected));
    long listedRead = listed.stream().filter(id -> api.requests(id) > 0).count();
    assertThat(listed).hasSize(FakeHnApi.NEW_STORIES_LIMIT);
    assertThat(listedRead).isLessThanOrEqualTo(NeighbourTime.JUDGES + expected.size() + 2L * PostDiscovery.LISTED_CHUNK);
    assertThat(api.idsRequestedMoreThanOnce()).isEmpty();
  }

  @Test
  void locate_shouldReadOnlyTheOldestListedPosts_whenTheyProveTheListTooShort() {
    // GIVEN asOf is now and /newstories, 400 posts long, reaches back only to inside the window
    var tree = tree();
    for (long id = 1; id <= 400; id++) {
      tree.post(id, FROM + 1 + id);
    }
    var api = tree.api();

    // WHEN
    var location = new PostDiscovery(api).locate(WINDOW, Instant.ofEpochSecond(WINDOW.to()));

    // THEN only the few oldest listed posts were read, in one round-trip, and the window is an id
    // range to scan
    assertThat(location).isInstanceOfSatisfying(WindowLocation.IdRange.class,
        range -> assertThat(range.listedFetched()).isEqualTo(NeighbourTime.JUDGES));
  }

  @Test
  void discover_shouldScanIds_whenOldestListedStoryIsInsideJitterSlack() {
    // GIVEN the oldest listed story is only 100 s before `from`: a post of the window could still
    // sit below it in id order, so the list proves nothing
    var tree = tree().post(1, FROM - 100).post(2, FROM + 5).post(3, FROM + 10);
    var api = FakeHnApi.builder().items(tree.items()).newStories(List.of(3L, 1L)).build();

    // WHEN
    var discovered = new PostDiscovery(api).discover(WINDOW, Instant.ofEpochSecond(WINDOW.to()));

    // THEN
    assertThat(discovered.report().route()).isEqualTo(Route.ID_SCAN);
    assertThat(discovered.posts()).extracting(HnItem::id).containsExactly(2L, 3L);
  }

  @Test
  void discover_shouldReturnNothing_whenWindowIsBeforeEveryItem() {
    // GIVEN
    var api = edges().api();
    var window = new TimeWindow(1, T0 - 7_200, T0 - 3_600);

    // WHEN
    var posts = new PostDiscovery(api).discover(window, Instant.ofEpochSecond(T0 + 100_000)).posts();

    // THEN
    assertThat(posts).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void discover_shouldMatchBruteForce_onGeneratedData(long seed) {
    // GIVEN ~11 h of jittered items with nulls, and three 2-hour windows ending inside the data
    var items = RandomHnItems.generate(seed, 6_500, T0);
    long lastTime = items.getLast().time();
    for (long to : new long[] {T0 + 7_200 + seed * 11, (T0 + lastTime) / 2, lastTime - 3_000}) {
      var window = TimeWindow.endingAt(to, 2);
      var expected = items.stream()
          .filter(i -> i.isPost() && i.isVisible() && window.contains(i.time()))
          .map(HnItem::id).toList();

      // WHEN the window's end is long past, and when it is now with a short /newstories
      var api = FakeHnApi.of(items);
      var old = new PostDiscovery(api).discover(window, Instant.ofEpochSecond(lastTime + 86_400));
      var shortList = FakeHnApi.builder().items(items).maxItem(api.maxItem())
          .newStories(expected.reversed().subList(0, Math.min(3, expected.size()))).build();
      var now = new PostDiscovery(shortList).discover(window, Instant.ofEpochSecond(to));

      // THEN both find exactly the brute-force posts, the old one reading only near the window
      assertThat(old.posts()).extracting(HnItem::id).as("old asOf, to=%d", to).isEqualTo(expected);
      assertThat(now.posts()).extracting(HnItem::id).as("now, to=%d", to).isEqualTo(expected);
      assertThat(old.report().idsScanned()).isLessThan(items.size() / 2);
      assertThat(old.report().searchRounds()).isLessThanOrEqualTo(12);
    }
  }

  @Test
  void discover_shouldFindThePosts_whenAFewThousandIdsBelowTheDataAnswerNull() {
    // GIVEN a small replica-like id space: ids below 20,000 never existed, 1,000 items follow, so
    // every id a first round of the search probes answers null
    long firstItem = 20_000;
    long maxId = firstItem + 1_000;
    var items = LongStream.rangeClosed(firstItem, maxId)
        .mapToObj(id -> id % 10 == 0 ? post(id, T0 + id * 5) : jitteredItem(id)).toList();
    var api = FakeHnApi.builder().items(items).build();
    var window = new TimeWindow(1, T0 + (firstItem + 200) * 5, T0 + (firstItem + 200) * 5 + 3_600);
    var expected = items.stream().filter(i -> i.isPost() && window.contains(i.time())).map(HnItem::id).toList();

    // WHEN asOf is long past, so the window's id range is searched on both ends
    var posts = new PostDiscovery(api).discover(window, Instant.ofEpochSecond(T0 + maxId * 5 + 86_400)).posts();

    // THEN every post is found: a search that cannot see past the null run must end the range late,
    // never early (it used to end it before the data, and the window looked empty)
    assertThat(expected).isNotEmpty();
    assertThat(posts).extracting(HnItem::id).isEqualTo(expected);
  }

  @Test
  void discover_shouldFindThePosts_whenAMillionIdsBelowAFewHundredItemsAnswerNull() {
    // GIVEN a replica-like id space whose 200 items sit above a million ids that never existed
    long firstItem = 1_000_000;
    long maxId = firstItem + 200;
    var items = LongStream.rangeClosed(firstItem, maxId)
        .mapToObj(id -> id % 10 == 0 ? post(id, T0 + id * 5) : jitteredItem(id)).toList();
    var api = FakeHnApi.builder().items(items).build();
    var window = new TimeWindow(1, T0 + (firstItem + 50) * 5, T0 + (firstItem + 50) * 5 + 600);
    var expected = items.stream().filter(i -> i.isPost() && window.contains(i.time())).map(HnItem::id).toList();

    // WHEN
    var posts = new PostDiscovery(api).discover(window, Instant.ofEpochSecond(T0 + maxId * 5 + 86_400)).posts();

    // THEN the search's probes from the top reach the few items instead of calling them all null
    assertThat(expected).isNotEmpty();
    assertThat(posts).extracting(HnItem::id).isEqualTo(expected);
  }

  private static HnItem post(long id, long time) {
    return new HnItem(id, "story", "u", time, null, null, null, null, null, null, "t", null, null, null, null);
  }

  @Test
  void firstIdAfter_shouldGallopFromTheTop_whenTheTargetIsADayBelowTheNewestId() {
    // GIVEN 10 M ids, every 13th null, and a target about 14,000 ids below the newest
    long maxId = 10_000_000;
    LongPredicate answersNull = id -> id % 13 == 0;
    var api = jitteredIds(maxId, answersNull);
    long targetId = maxId - 14_000;
    long time = T0 + 5 * targetId;

    // WHEN
    long first = new PostDiscovery(api).firstIdAfter(time, maxId);

    // THEN a first round down from the top leaves a slice a few times the distance, not a 13th of
    // all ids: fewer round-trips than a search of the whole id space (6)
    assertThat(api.batches()).isLessThanOrEqualTo(5);
    long slackIds = PostDiscovery.SLACK_SECONDS / 5;
    assertThat(first).isBetween(targetId - slackIds - 3, targetId - slackIds + 3);
  }

  @Test
  void discover_shouldReadEachIdOnceThroughACache_whenTheWindowEndedBeforeNow() {
    // GIVEN 12 h of items, a 4-hour window ending 2 h before the last item, now a day later
    var items = RandomHnItems.generate(10, 7_000, T0);
    long to = items.getLast().time() - 7_200;
    var window = TimeWindow.endingAt(to, 4);
    var expected = items.stream()
        .filter(i -> i.isPost() && i.isVisible() && window.contains(i.time()))
        .map(HnItem::id).toList();
    var api = FakeHnApi.of(items);
    var cached = new ConcurrentHashMap<Long, Optional<HnItem>>();
    HnApi caching = new HnApi() {
      @Override
      public Optional<HnItem> item(long id) {
        return cached.computeIfAbsent(id, api::item);
      }

      @Override
      public long maxItem() {
        return api.maxItem();
      }

      @Override
      public List<Long> newStories() {
        return api.newStories();
      }

      @Override
      public HnClientStats stats() {
        return api.stats();
      }
    };

    // WHEN both ends are searched while the ids the end's search knows inside the window are read
    var discovered = new PostDiscovery(caching).discover(window, Instant.ofEpochSecond(to + 86_400));

    // THEN the brute-force posts, no id twice, and nothing read far above the window's end
    assertThat(discovered.report().route()).isEqualTo(Route.ID_SCAN);
    assertThat(discovered.posts()).extracting(HnItem::id).isEqualTo(expected);
    assertThat(api.idsRequestedMoreThanOnce()).isEmpty();
    long lastInWindow = items.stream().filter(i -> i.time() <= to).mapToLong(HnItem::id).max().orElseThrow();
    assertThat(cached.keySet().stream().filter(id -> id > lastInWindow + 600).count())
        .as("ids read above the window's end and its slack").isLessThan(200);
  }

  @Test
  void discover_shouldReadEachIdOnceThroughACache_whenItReadsTheTopWhileSearching() {
    // GIVEN 12 h of items as of now, /newstories too short for a 10-hour window, and a caching client
    var items = RandomHnItems.generate(9, 7_000, T0);
    long to = items.getLast().time();
    var window = TimeWindow.endingAt(to, 10);
    var expected = items.stream()
        .filter(i -> i.isPost() && i.isVisible() && window.contains(i.time()))
        .map(HnItem::id).toList();
    var api = FakeHnApi.builder().items(items).newStories(expected.reversed().subList(0, 3)).build();
    var cached = new ConcurrentHashMap<Long, Optional<HnItem>>();
    HnApi caching = new HnApi() {
      @Override
      public Optional<HnItem> item(long id) {
        return cached.computeIfAbsent(id, api::item);
      }

      @Override
      public long maxItem() {
        return api.maxItem();
      }

      @Override
      public List<Long> newStories() {
        return api.newStories();
      }

      @Override
      public HnClientStats stats() {
        return api.stats();
      }
    };

    // WHEN
    var discovered = new PostDiscovery(caching).discover(window, Instant.ofEpochSecond(to));

    // THEN the posts are the brute-force ones, and reading the top early cost no id twice
    assertThat(discovered.report().route()).isEqualTo(Route.ID_SCAN);
    assertThat(discovered.posts()).extracting(HnItem::id).isEqualTo(expected);
    assertThat(api.idsRequestedMoreThanOnce()).isEmpty();
  }

  @Test
  void discover_shouldFindSamePosts_onBothRoutes_onGeneratedData() {
    // GIVEN data whose default /newstories (500 newest posts) covers the last 2 hours
    var items = RandomHnItems.generate(42, 6_500, T0);
    long to = items.getLast().time();
    var window = TimeWindow.endingAt(to, 2);
    var api = FakeHnApi.of(items);

    // WHEN
    var fast = new PostDiscovery(api).discover(window, Instant.ofEpochSecond(to));
    var scanned = new PostDiscovery(FakeHnApi.of(items)).discover(window, Instant.ofEpochSecond(to + 86_400));

    // THEN
    assertThat(fast.report().route()).isEqualTo(Route.NEW_STORIES);
    assertThat(scanned.report().route()).isEqualTo(Route.ID_SCAN);
    assertThat(fast.posts()).isNotEmpty().isEqualTo(scanned.posts());
  }
}
