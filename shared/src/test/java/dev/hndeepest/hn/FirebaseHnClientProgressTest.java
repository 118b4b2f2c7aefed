package dev.hndeepest.hn;

import static dev.hndeepest.hn.ScriptedHnServer.Answer.json;
import static dev.hndeepest.hn.ScriptedHnServer.Answer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live API's habits (PRODUCT.md §5) against a {@link ScriptedHnServer} on 127.0.0.1: transient
 * "Permission denied" on items, and retries that last as long as the client as a whole makes
 * progress, then end together in bounded time.
 */
class FirebaseHnClientProgressTest {

  private static final Duration STALL = Duration.ofMillis(300);
  private static final RetryPolicy QUICK = new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20), STALL);

  private ScriptedHnServer server;
  private final List<FirebaseHnClient> clients = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = ScriptedHnServer.start();
  }

  @AfterEach
  void stopEverything() {
    clients.forEach(FirebaseHnClient::close);
    server.close();
  }

  private FirebaseHnClient client(HnClientConfig config) {
    var client = new FirebaseHnClient(config);
    clients.add(client);
    return client;
  }

  private HnClientConfig config() {
    return HnClientConfig.defaults(server.baseUrl()).withRequestTimeout(Duration.ofSeconds(2)).withRetry(QUICK);
  }

  private void scriptFailures(String path, int count, int status) {
    for (int i = 0; i < count; i++) {
      server.script(path, status(status));
    }
  }

  @Test
  void item_shouldRetryPermissionDenied_untilTheItemAnswers() {
    // GIVEN an item that exists but is denied twice first, as the live API does for a while
    server.script("item/7.json",
        new ScriptedHnServer.Answer.Respond(401, "{\"error\":\"Permission denied\"}", Map.of(), Duration.ZERO),
        status(403), json(ScriptedHnServer.commentJson(7)));
    var client = client(config());

    // WHEN
    var item = client.item(7);

    // THEN
    assertThat(item).map(HnItem::id).contains(7L);
    assertThat(client.stats()).isEqualTo(new HnClientStats(3, 2, 1));
  }

  @Test
  void item_shouldStayMissing_whenTheApiAnswersNullAfterADenial() {
    // GIVEN
    server.script("item/7.json", status(401), json("null"));

    // WHEN / THEN null is an answer, not an error
    assertThat(client(config()).item(7)).isEmpty();
  }

  @Test
  void maxItem_shouldFailAtOnce_whenDenied() {
    // GIVEN a listing that is denied: on Firebase, the sign of a path outside the API (a wrong base URL)
    server.script("maxitem.json", status(401), json("45"));
    var client = client(config());

    // WHEN / THEN
    assertThatThrownBy(client::maxItem)
        .isInstanceOfSatisfying(HnRequestRejectedException.class, rejected -> assertThat(rejected.status()).isEqualTo(401));
    assertThat(server.requests("maxitem.json")).isEqualTo(1);
  }

  @Test
  void item_shouldKeepRetryingPastAnyAttemptCount_whileOtherRequestsSucceed() throws Exception {
    // GIVEN one item failing 100 times in a row (about 1 s of retries, three stall timeouts) while
    // other items keep answering
    scriptFailures("item/7.json", 100, 503);
    server.script("item/7.json", json(ScriptedHnServer.commentJson(7)));
    var client = client(config());
    var done = new AtomicBoolean();

    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> others = threads.submit(() -> {
        for (long id = 1_000; !done.get(); id++) {
          client.item(id);
          Thread.sleep(20);
        }
        return null;
      });

      // WHEN
      var item = client.item(7);
      done.set(true);
      others.get();

      // THEN it got its answer: the API as a whole was making progress
      assertThat(item).map(HnItem::id).contains(7L);
      assertThat(server.requests("item/7.json")).isEqualTo(101);
    }
  }

  @Test
  void item_shouldGiveUp_whenTheSameFailuresComeWithNoOtherRequestSucceeding() {
    // GIVEN the same item failing 100 times, and nothing else asked
    scriptFailures("item/7.json", 100, 503);
    var client = client(config());

    // WHEN / THEN it gives up once nothing has succeeded for the stall timeout
    assertThatThrownBy(() -> client.item(7))
        .isInstanceOf(HnUnavailableException.class)
        .hasMessageContaining("no HN request has succeeded for 0.3 s")
        .hasMessageContaining("status 503");
    assertThat(server.requests("item/7.json")).isBetween(2, 99);
  }

  @Test
  void item_shouldStillBeRetried_whenTheClientWasIdleLongerThanTheStallTimeout() throws Exception {
    // GIVEN a client that answered once, then asked nothing for three stall timeouts (a worker
    // busy with DynamoDB, say), and an item that fails twice before it answers
    var client = client(config());
    client.item(1);
    Thread.sleep(STALL.multipliedBy(3));
    server.script("item/7.json", status(503), status(500), json(ScriptedHnServer.commentJson(7)));

    // WHEN / THEN quiet time is no evidence against the API: the item is retried to its answer
    assertThat(client.item(7)).map(HnItem::id).contains(7L);
    assertThat(server.requests("item/7.json")).isEqualTo(3);
  }

  @Test
  void item_shouldFailAtOnceWithTheSameReason_afterTheRunGaveUp() {
    // GIVEN a client that gave up on a dead item
    scriptFailures("item/7.json", 1_000, 500);
    var client = client(config());
    assertThatThrownBy(() -> client.item(7)).isInstanceOf(HnUnavailableException.class);

    // WHEN / THEN a later request fails without being sent, with the run's reason
    assertThatThrownBy(() -> client.item(8))
        .isInstanceOf(HnUnavailableException.class)
        .hasMessageContaining("no HN request has succeeded")
        .hasMessageContaining("/item/7.json: status 500");
    assertThat(server.requests("item/8.json")).isZero();
  }

  @Test
  void items_shouldAllGiveUpWithinStallPlusOneAttempt_whenTheApiStopsAnsweringAndCallersQueueForSlots() {
    // GIVEN an API that answers nothing in time (3 s per answer, 1 s attempts), one request slot and
    // 50 callers queued for it: waiting one attempt each would take 50 s
    server.delayUnscriptedAnswers(Duration.ofSeconds(3));
    var config = config().withMaxConcurrency(1).withRequestTimeout(Duration.ofSeconds(1));
    var client = client(config);
    long start = System.nanoTime();

    // WHEN
    assertThatThrownBy(() -> client.items(LongStream.rangeClosed(1, 50).boxed().toList()))
        .isInstanceOf(HnUnavailableException.class);

    // THEN the queued callers gave up with the one in flight, within the documented bound
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(config.worstCaseGiveUp()).isEqualTo(Duration.ofMillis(1_300));
    assertThat(took).isGreaterThanOrEqualTo(STALL).isLessThan(config.worstCaseGiveUp().plusSeconds(2));
    assertThat(server.requests()).isLessThanOrEqualTo(2);
  }
}
