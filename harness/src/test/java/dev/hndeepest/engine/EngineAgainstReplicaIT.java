package dev.hndeepest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.answer.DeepestThreadFinder;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ProgressListener;
import dev.hndeepest.discovery.DiscoveryReport;
import dev.hndeepest.discovery.PostDiscovery;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.FirebaseHnClient;
import dev.hndeepest.hn.HnClientConfig;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.hn.HnUnavailableException;
import dev.hndeepest.hn.RetryPolicy;
import dev.hndeepest.replica.FaultPlan;
import dev.hndeepest.replica.GeneratorSpec;
import dev.hndeepest.replica.HnDataGenerator;
import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ReplicaOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HN client, discovery and finder against the HN API replica on loopback (started per test,
 * in-process): window boundaries, null ids and clock jitter, old asOf, and injected faults.
 */
class EngineAgainstReplicaIT {
  private static final Instant END = Instant.parse("2025-03-01T00:00:00Z");
  private static List<HnItem> items;

  @BeforeAll
  static void generate() {
    items = HnDataGenerator.generate(GeneratorSpec.endingAt(99, END, 30));
  }

  private static FirebaseHnClient client(HnReplicaServer replica) {
    return new FirebaseHnClient(HnClientConfig.defaults(replica.baseUrl()));
  }

  /** The visible posts of the window, straight from the item list. */
  private static List<Long> expectedPosts(TimeWindow window) {
    return items.stream()
        .filter(item -> item.isPost() && item.isVisible() && window.contains(item.time()))
        .map(HnItem::id).sorted().toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, -1, 3_601, 7_777})
  void postsIn_shouldHonourExclusiveFromAndInclusiveTo_whenBoundsSitOnPostTimes(int shift) throws IOException {
    // GIVEN a window whose lower bound is exactly a post's time (shifted a little to probe both sides)
    var post = items.stream().filter(i -> i.isPost() && i.isVisible() && i.time() < END.getEpochSecond() - 8 * 3600)
        .skip(40).findFirst().orElseThrow();
    long from = post.time() + shift;
    var window = new TimeWindow(2, from, from + 7_200);
    try (var replica = HnReplicaServer.start(items, ReplicaOptions.defaults());
        var client = client(replica)) {

      // WHEN
      var posts = new PostDiscovery(client).discover(window, END).posts();

      // THEN
      assertThat(posts).extracting(HnItem::id).containsExactlyElementsOf(expectedPosts(window));
      assertThat(posts.stream().map(HnItem::id)).doesNotContain(shift == 0 ? post.id() : -1L);
    }
  }

  @Test
  void discover_shouldScanIds_whenAsOfIsOld() throws IOException {
    // GIVEN asOf a day before the replica's now, so /newstories can't describe the window
    var window = TimeWindow.endingAt(END.getEpochSecond() - 20 * 3600, 3);
    try (var replica = HnReplicaServer.start(items, ReplicaOptions.defaults());
        var client = client(replica)) {

      // WHEN
      var discovered = new PostDiscovery(client).discover(window, END);

      // THEN
      assertThat(discovered.report().route()).isEqualTo(DiscoveryReport.Route.ID_SCAN);
      assertThat(discovered.posts()).extracting(HnItem::id).containsExactlyElementsOf(expectedPosts(window));
    }
  }

  @Test
  void discover_shouldUseNewStories_whenAsOfIsNowAndListCoversWindow() throws IOException {
    var window = TimeWindow.endingAt(END.getEpochSecond(), 1);
    try (var replica = HnReplicaServer.start(items, ReplicaOptions.defaults().withServedAsOf(END));
        var client = client(replica)) {

      var discovered = new PostDiscovery(client).discover(window, END);

      assertThat(discovered.report().route()).isEqualTo(DiscoveryReport.Route.NEW_STORIES);
      assertThat(discovered.posts()).extracting(HnItem::id).containsExactlyElementsOf(expectedPosts(window));
    }
  }

  @Test
  void find_shouldGiveTheFaultFreeAnswer_whenTwentyPercentOfRequestsFail() throws IOException {
    // GIVEN the same data served cleanly and with 20% faults of every kind
    var window = TimeWindow.endingAt(END.getEpochSecond(), 6);
    var faults = FaultPlan.none().withSeed(5).withErrors(0.05, 0.04, 0.04)
        .withSlow(0.02, Duration.ofMillis(300)).withTruncateRate(0.03).withDropRate(0.02);
    var clock = Clock.fixed(END, ZoneOffset.UTC);
    DeepestThreadResult clean;
    try (var replica = HnReplicaServer.start(items, ReplicaOptions.defaults());
        var client = client(replica)) {
      clean = new DeepestThreadFinder(client, ItemSource.CUSTOM, clock).find(window, ProgressListener.NONE);
    }

    // WHEN
    try (var replica = HnReplicaServer.start(items, ReplicaOptions.defaults().withFaults(faults));
        var client = client(replica)) {
      var faulty = new DeepestThreadFinder(client, ItemSource.CUSTOM, clock).find(window, ProgressListener.NONE);

      // THEN the same answer, and the faults really happened and were retried
      assertThat(faulty).isEqualTo(clean);
      assertThat(replica.stats().faults()).isGreaterThan(replica.stats().requests() / 10);
      assertThat(client.stats().retries()).isGreaterThan(0);
    }
  }

  @Test
  void find_shouldThrowClearErrorInBoundedTime_whenEveryRequestFails() throws IOException {
    var faults = FaultPlan.none().withSeed(1).withErrors(0.0, 0.5, 0.5);
    try (var replica = HnReplicaServer.start(items, ReplicaOptions.defaults().withFaults(faults));
        var client = new FirebaseHnClient(HnClientConfig.defaults(replica.baseUrl())
            .withRetry(new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(2))))) {
      long started = System.nanoTime();

      assertThatThrownBy(() -> new DeepestThreadFinder(client, ItemSource.CUSTOM, Clock.fixed(END, ZoneOffset.UTC))
              .find(TimeWindow.endingAt(END.getEpochSecond(), 24), ProgressListener.NONE))
          .isInstanceOf(HnUnavailableException.class)
          .hasMessageContaining("no HN request has succeeded for 2 s");

      // Generous: 2 s without progress, plus one 5 s attempt at most.
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(30));
    }
  }
}
