package dev.hndeepest.depth;

import static dev.hndeepest.hn.TreeBuilder.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.hn.FakeHnApi;
import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnClientStats;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.hn.HnUnavailableException;
import dev.hndeepest.hn.RandomHnItems;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

class ThreadCrawlerTest {
  private static final long AS_OF = 10_000;

  @Test
  void crawl_shouldFetchEachItemOnce_andNeverThePost() {
    // GIVEN 1 ─ {2 ─ {4, 5 ─ 7}, 3 ─ 6}
    var tree = tree()
        .post(1, 100).comment(2, 1, 110).comment(3, 1, 120)
        .comment(4, 2, 130).comment(5, 2, 140).comment(6, 3, 150).comment(7, 5, 160);
    var api = tree.api();

    // WHEN
    var thread = new ThreadCrawler(api).crawl(Post.of(tree.item(1)), AS_OF);

    // THEN three levels, six comments each asked for once, the post not at all
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(3, 6, List.of(2L, 5L, 7L)));
    assertThat(api.itemRequests()).isEqualTo(6);
    assertThat(api.idsRequestedMoreThanOnce()).isEmpty();
    assertThat(api.requests(1)).isZero();
  }

  @Test
  void crawl_shouldNotDescend_belowCommentsAfterAsOf() {
    // GIVEN comment 3 is later than asOf and has a reply 4
    var tree = tree().post(1, 100).comment(2, 1, 110).comment(3, 1, AS_OF + 1).comment(4, 3, 120);
    var api = tree.api();

    // WHEN
    var thread = new ThreadCrawler(api).crawl(Post.of(tree.item(1)), AS_OF);

    // THEN
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(1, 1, List.of(2L)));
    assertThat(api.requests(3)).isEqualTo(1);
    assertThat(api.requests(4)).isZero();
  }

  @Test
  void crawl_shouldSkipNullKids_andFollowDeletedOnes() {
    // GIVEN kid 2 answers null; kid 3 is a deleted stub with a visible reply
    var tree = tree().post(1, 100).missing(2, 1).comment(3, 1, 120).deleted().comment(4, 3, 130);
    var api = tree.api();

    // WHEN
    var thread = new ThreadCrawler(api).crawl(Post.of(tree.item(1)), AS_OF);

    // THEN
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(2, 1, List.of(3L, 4L)));
    assertThat(api.requests(2)).isEqualTo(1);
  }

  @Test
  void crawl_shouldAskOnce_whenKidsRepeatOrLoop() {
    // GIVEN malformed data: 2 listed twice, 3 pointing back at the post and at 2
    var tree = tree()
        .post(1, 100).comment(2, 1, 110).alsoKid(1, 2).comment(3, 2, 120).alsoKid(3, 1).alsoKid(3, 2);
    var api = tree.api();

    // WHEN
    var thread = new ThreadCrawler(api).crawl(Post.of(tree.item(1)), AS_OF);

    // THEN
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(2, 2, List.of(2L, 3L)));
    assertThat(api.idsRequestedMoreThanOnce()).isEmpty();
    assertThat(api.requests(1)).isZero();
  }

  @Test
  void crawl_shouldAgreeWithCalculator_andNeverAskTwice_onGeneratedData() {
    // GIVEN generated data, asOf in its middle, and every post of it
    var items = RandomHnItems.generate(7, 4_000, 1_000_000);
    var byId = RandomHnItems.byId(items);
    long asOf = items.get(items.size() / 2).time();
    var api = FakeHnApi.of(items);
    var crawler = new ThreadCrawler(api);
    var posts = items.stream().filter(HnItem::isPost).toList();

    // WHEN / THEN the crawler finds what the calculator finds from all the items
    for (var post : posts) {
      assertThat(crawler.crawl(Post.of(post), asOf))
          .as("post %d", post.id())
          .isEqualTo(ThreadDepthCalculator.measure(Post.of(post), byId, asOf));
    }
    assertThat(posts).hasSizeGreaterThan(100);
    assertThat(api.idsRequestedMoreThanOnce()).isEmpty();
  }

  @Test
  void measureAll_shouldAgreeWithCalculator_forEveryPostThroughOnePool() {
    // GIVEN generated data, asOf in its middle, and every post of it at once
    var items = RandomHnItems.generate(11, 4_000, 1_000_000);
    var byId = RandomHnItems.byId(items);
    long asOf = items.get(items.size() / 2).time();
    var api = FakeHnApi.of(items);
    var posts = items.stream().filter(HnItem::isPost).map(Post::of).toList();
    var measured = new HashMap<Long, ThreadDepth>();

    // WHEN
    new ThreadCrawler(api).measureAll(posts, asOf, result -> measured.put(result.post().id(), result.thread()));

    // THEN each post once, each as the calculator measures it from all the items, no item asked twice
    assertThat(measured).hasSize(posts.size());
    for (var post : posts) {
      assertThat(measured.get(post.id())).as("post %d", post.id())
          .isEqualTo(ThreadDepthCalculator.measure(post, byId, asOf));
    }
    assertThat(api.idsRequestedMoreThanOnce()).isEmpty();
  }

  @Test
  void measureAll_shouldBuildOnlyTheWantedThreads_andReportTheOthersAsNull() {
    // GIVEN generated data, and a caller that wants only posts at least 3 deep
    var items = RandomHnItems.generate(11, 4_000, 1_000_000);
    var byId = RandomHnItems.byId(items);
    long asOf = items.get(items.size() / 2).time();
    var posts = items.stream().filter(HnItem::isPost).map(Post::of).toList();
    var asked = new ConcurrentHashMap<Long, Rank>();
    var built = new HashMap<Long, ThreadDepth>();
    int[] declined = {0};

    // WHEN
    new ThreadCrawler(FakeHnApi.of(items)).measureAll(posts, asOf, rank -> {
      asked.put(rank.postId(), rank);
      return rank.depth() >= 3;
    }, result -> {
      if (result == null) {
        declined[0]++;
      } else {
        built.put(result.post().id(), result.thread());
      }
    });

    // THEN every post was ranked as the calculator measures it; only the wanted ones reached the caller built
    assertThat(asked).hasSize(posts.size());
    for (var post : posts) {
      var expected = ThreadDepthCalculator.measure(post, byId, asOf);
      assertThat(asked.get(post.id())).isEqualTo(new Rank(expected.depth(), expected.comments(), post.id()));
      if (expected.depth() >= 3) {
        assertThat(built.get(post.id())).as("post %d", post.id()).isEqualTo(expected);
      }
    }
    assertThat(built.keySet()).allMatch(id -> asked.get(id).depth() >= 3);
    assertThat(built).isNotEmpty();
    assertThat(declined[0]).isEqualTo(posts.size() - built.size()).isPositive();
  }

  @Test
  void measureAll_shouldCrawlOtherSubtreesAndPosts_whileOneRequestHangs() throws Exception {
    // GIVEN post 1 ─ {2 (hangs until released) ─ 5, 3 ─ 4} and post 10 ─ 11 ─ 12
    var tree = tree()
        .post(1, 100).comment(2, 1, 110).comment(3, 1, 120).comment(4, 3, 130).comment(5, 2, 140)
        .post(10, 200).comment(11, 10, 210).comment(12, 11, 220);
    var release = new CountDownLatch(1);
    var sawGrandchildAndOtherPost = new CountDownLatch(2);
    var requested = ConcurrentHashMap.<Long>newKeySet();
    var api = new GatedApi(tree.api(), 2, release, id -> {
      requested.add(id);
      if (id == 4) {
        sawGrandchildAndOtherPost.countDown();
      }
    });
    var measured = new ConcurrentHashMap<Long, ThreadDepth>();
    var crawl = Thread.ofVirtual().start(() -> new ThreadCrawler(api).measureAll(
        List.of(Post.of(tree.item(1)), Post.of(tree.item(10))), AS_OF, result -> {
          measured.put(result.post().id(), result.thread());
          if (result.post().id() == 10) {
            sawGrandchildAndOtherPost.countDown();
          }
        }));

    // WHEN item 2 is still unanswered (the await only keeps a broken crawler from hanging the test)
    boolean progressed = sawGrandchildAndOtherPost.await(30, TimeUnit.SECONDS);

    // THEN its sibling's reply was fetched and post 10 measured, but nothing below 2 was asked for
    assertThat(progressed).as("grandchild 4 fetched and post 10 measured while 2 hangs").isTrue();
    assertThat(measured).containsOnlyKeys(10L);
    assertThat(requested).doesNotContain(5L);

    // AND once 2 answers, post 1 completes as usual
    release.countDown();
    crawl.join();
    assertThat(Threads.shape(measured.get(1L))).isEqualTo(Threads.shape(2, 4, List.of(3L, 4L)));
    assertThat(Threads.shape(measured.get(10L))).isEqualTo(Threads.shape(2, 2, List.of(11L, 12L)));
  }

  /** Answers from {@code inner}, but holds item {@code gatedId} until {@code release} opens. */
  private record GatedApi(FakeHnApi inner, long gatedId, CountDownLatch release, LongConsumer onRequest)
      implements HnApi {
    @Override
    public Optional<HnItem> item(long id) {
      onRequest.accept(id);
      if (id == gatedId) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new HnUnavailableException("interrupted", e);
        }
      }
      return inner.item(id);
    }

    @Override
    public long maxItem() {
      return inner.maxItem();
    }

    @Override
    public List<Long> newStories() {
      return inner.newStories();
    }

    @Override
    public HnClientStats stats() {
      return inner.stats();
    }
  }

  @Test
  void measure_shouldCarryThePostWithoutItsKids() {
    // GIVEN
    var tree = tree().post(1, 100).title("Ask HN: deep?").comment(2, 1, 110);

    // WHEN
    var measured = new ThreadCrawler(tree.api()).measure(Post.of(tree.item(1)), AS_OF);

    // THEN
    assertThat(measured.post()).isEqualTo(new Post(1, "story", "Ask HN: deep?", null, "user1", 100, List.of()));
    assertThat(measured.thread().depth()).isEqualTo(1);
  }

  @Test
  void crawl_shouldPropagateHnUnavailableException_whenFetchFails() {
    // GIVEN
    var items = tree().post(1, 100).comment(2, 1, 110).comment(3, 2, 120).items();
    var api = FakeHnApi.builder().items(items).failOn(3).build();

    // WHEN / THEN
    assertThatThrownBy(() -> new ThreadCrawler(api).crawl(Post.of(items.getFirst()), AS_OF))
        .isInstanceOf(HnUnavailableException.class)
        .hasMessageContaining("3");
  }
}
