package dev.hndeepest.hn;

import static dev.hndeepest.hn.ScriptedHnServer.Answer.drop;
import static dev.hndeepest.hn.ScriptedHnServer.Answer.json;
import static dev.hndeepest.hn.ScriptedHnServer.Answer.slowJson;
import static dev.hndeepest.hn.ScriptedHnServer.Answer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.hn.ScriptedHnServer.Answer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starts a {@link ScriptedHnServer} on 127.0.0.1 per test and points a {@link FirebaseHnClient} at it. */
class FirebaseHnClientTest {

  /** Short sleeps, and a run that gives up after half a second without any successful request. */
  private static final RetryPolicy QUICK_RETRIES =
      new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(500));
  private static final String STORY_JSON = """
      {"id":8863,"type":"story","by":"dhouston","time":1175714200,"descendants":71,
       "kids":[9224,8917,8952],"score":104,"title":"My YC app: Dropbox",
       "url":"http://www.getdropbox.com/u/2/screencast.html","text":"a long body"}""";

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

  private FirebaseHnClient client() {
    return client(config());
  }

  HnClientConfig config() {
    return HnClientConfig.defaults(server.baseUrl()).withRequestTimeout(Duration.ofSeconds(2)).withRetry(QUICK_RETRIES)
        .withHttpClient(httpClient());
  }

  /** The HTTP client under test; {@link FirebaseHnClientJavaNetHttpTest} runs every test with the other one. */
  HttpClientKind httpClient() {
    return HttpClientKind.URL_CONNECTION;
  }

  private FirebaseHnClient client(HnClientConfig config) {
    var client = new FirebaseHnClient(config);
    clients.add(client);
    return client;
  }

  @Test
  void item_shouldParseFieldsAndKeepNoText_whenStoryAnswered() {
    // GIVEN
    server.script("item/8863.json", json(STORY_JSON));

    // WHEN
    Optional<HnItem> item = client().item(8863);

    // THEN
    assertThat(item).hasValueSatisfying(story -> {
      assertThat(story.id()).isEqualTo(8863);
      assertThat(story.isPost()).isTrue();
      assertThat(story.by()).isEqualTo("dhouston");
      assertThat(story.time()).isEqualTo(1175714200L);
      assertThat(story.kidIds()).containsExactly(9224L, 8917L, 8952L);
      assertThat(story.title()).isEqualTo("My YC app: Dropbox");
      assertThat(story.score()).isEqualTo(104);
      assertThat(story.descendants()).isEqualTo(71);
      assertThat(story.text()).as("a post's text is not kept").isNull();
    });
  }

  @Test
  void item_shouldKeepTheCommentsHtml_whenVisibleCommentAnswered() {
    // GIVEN a comment with HN's HTML, longer than an excerpt
    var html = "It&#x27;s &quot;fine&quot;.<p>" + "more words ".repeat(60);
    server.script("item/9.json", json("{\"id\":9,\"type\":\"comment\",\"by\":\"a\",\"time\":1,\"parent\":8,"
        + "\"text\":\"" + html + "\"}"));

    // WHEN
    var item = client().item(9).orElseThrow();

    // THEN the HTML is kept as sent; its excerpt is made only when an answer shows it
    assertThat(item.text()).isEqualTo(html);
    assertThat(CommentText.excerpt(item.text())).startsWith("It's \"fine\".\n\nmore words").endsWith("…")
        .hasSizeLessThanOrEqualTo(CommentText.MAX_CHARS);
  }

  @Test
  void item_shouldKeepAtMostTheHtmlItsExcerptNeeds_whenCommentIsLong() {
    // GIVEN a comment of about 11 KB of HTML
    var html = "<p>" + "a long comment goes on ".repeat(500);
    server.script("item/9.json", json("{\"id\":9,\"type\":\"comment\",\"by\":\"a\",\"time\":1,\"parent\":8,"
        + "\"text\":\"" + html + "\"}"));

    // WHEN
    var item = client().item(9).orElseThrow();

    // THEN 2 KB of it are kept, and they give the whole comment's excerpt
    assertThat(item.text()).hasSize(2_048).isEqualTo(html.substring(0, 2_048));
    assertThat(CommentText.excerpt(item.text())).isEqualTo(CommentText.excerpt(html));
  }

  @Test
  void item_shouldKeepNoText_whenCommentIsDead() {
    // GIVEN a dead comment: the live API still sends its text
    server.script("item/9.json", json("{\"id\":9,\"type\":\"comment\",\"dead\":true,\"by\":\"a\",\"time\":1,"
        + "\"parent\":8,\"text\":\"spam\"}"));

    // WHEN / THEN
    assertThat(client().item(9).orElseThrow().text()).isNull();
  }

  @Test
  void item_shouldReturnStub_whenItemDeleted() {
    // GIVEN a deleted comment as the live API answers it: no by, no text, kids kept
    server.script("item/5.json", json("{\"id\":5,\"deleted\":true,\"type\":\"comment\",\"time\":1160423400,\"parent\":4,\"kids\":[6]}"));

    // WHEN
    HnItem item = client().item(5).orElseThrow();

    // THEN
    assertThat(item.isDeleted()).isTrue();
    assertThat(item.isVisible()).isFalse();
    assertThat(item.by()).isNull();
    assertThat(item.parent()).isEqualTo(4L);
    assertThat(item.kidIds()).containsExactly(6L);
  }

  @Test
  void item_shouldReturnEmptyAndRemember_whenApiAnswersNull() {
    // GIVEN
    server.script("item/42.json", json("null"));
    var client = client();

    // WHEN
    Optional<HnItem> first = client.item(42);
    Optional<HnItem> second = client.item(42);

    // THEN
    assertThat(first).isEmpty();
    assertThat(second).isEmpty();
    assertThat(server.requests("item/42.json")).isEqualTo(1);
    assertThat(client.stats()).isEqualTo(new HnClientStats(1, 0, 1));
  }

  @Test
  void item_shouldRetry_whenRateLimited() {
    // GIVEN
    server.script("item/7.json", status(429), json(ScriptedHnServer.commentJson(7)));
    var client = client();

    // WHEN
    Optional<HnItem> item = client.item(7);

    // THEN
    assertThat(item).map(HnItem::id).contains(7L);
    assertThat(client.stats()).isEqualTo(new HnClientStats(2, 1, 1));
  }

  @Test
  void item_shouldRetry_whenServerErrors() {
    // GIVEN
    server.script("item/7.json", status(500), status(503), status(502), json(ScriptedHnServer.commentJson(7)));
    var client = client();

    // WHEN
    Optional<HnItem> item = client.item(7);

    // THEN
    assertThat(item).map(HnItem::id).contains(7L);
    assertThat(server.requests("item/7.json")).isEqualTo(4);
    assertThat(client.stats()).isEqualTo(new HnClientStats(4, 3, 1));
  }

  @Test
  void item_shouldWaitAsAsked_whenRetryAfterGiven() {
    // GIVEN a 429 asking for one second, and a policy whose own backoff is far shorter
    server.script("item/7.json", status(429, "Retry-After", "1"), json(ScriptedHnServer.commentJson(7)));
    var client = client(config().withRetry(new RetryPolicy(Duration.ofMillis(1), Duration.ofSeconds(2),
        Duration.ofSeconds(5))));

    // WHEN
    Optional<HnItem> item = client.item(7);

    // THEN the second request came no sooner than the server asked
    assertThat(item).isPresent();
    List<Long> arrivals = server.arrivalNanos("item/7.json");
    assertThat(arrivals).hasSize(2);
    assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void item_shouldCapRetryAfterAtMaxBackoff_whenServerAsksForHours() {
    // GIVEN
    server.script("item/7.json",
        status(503, "Retry-After", "3600"), status(503, "Retry-After", "3600"), json(ScriptedHnServer.commentJson(7)));
    var client = client();
    long start = System.nanoTime();

    // WHEN
    Optional<HnItem> item = client.item(7);

    // THEN
    assertThat(item).isPresent();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void item_shouldRetry_whenBodyIsTruncatedJson() {
    // GIVEN a complete HTTP answer whose JSON stops half-way
    String whole = ScriptedHnServer.commentJson(7);
    server.script("item/7.json", json(whole.substring(0, whole.length() / 2)), json(whole));
    var client = client();

    // WHEN
    Optional<HnItem> item = client.item(7);

    // THEN
    assertThat(item).map(HnItem::by).contains("someone");
    assertThat(client.stats()).isEqualTo(new HnClientStats(2, 1, 1));
  }

  @Test
  void item_shouldRetry_whenBodyCutShortByClosedConnection() {
    // GIVEN
    String whole = ScriptedHnServer.commentJson(7);
    server.script("item/7.json", new Answer.CutShort(whole, 10), json(whole));
    var client = client();

    // WHEN
    Optional<HnItem> item = client.item(7);

    // THEN
    assertThat(item).map(HnItem::id).contains(7L);
    assertThat(client.stats().retries()).isEqualTo(1);
  }

  @Test
  void item_shouldRetry_whenConnectionDropped() {
    // GIVEN
    server.script("item/7.json", drop(), drop(), json(ScriptedHnServer.commentJson(7)));
    var client = client();

    // WHEN
    Optional<HnItem> item = client.item(7);

    // THEN
    assertThat(item).map(HnItem::id).contains(7L);
    assertThat(server.requests("item/7.json")).isEqualTo(3);
    assertThat(client.stats().retries()).isPositive();
  }

  @Test
  void item_shouldRetry_whenAnswerSlowerThanTimeout() {
    // GIVEN
    server.script("item/7.json", slowJson(ScriptedHnServer.commentJson(7), Duration.ofSeconds(3)),
        json(ScriptedHnServer.commentJson(7)));
    var client = client(config().withRequestTimeout(Duration.ofMillis(200)));

    // WHEN
    Optional<HnItem> item = client.item(7);

    // THEN
    assertThat(item).map(HnItem::id).contains(7L);
    assertThat(client.stats()).isEqualTo(new HnClientStats(2, 1, 1));
  }

  @Test
  void item_shouldRetry_whenBodyStallsBeyondTimeout() {
    // GIVEN headers on time but the body's second half three seconds late
    String whole = ScriptedHnServer.commentJson(7);
    server.script("item/7.json", new Answer.StallBody(whole, Duration.ofSeconds(3)), json(whole));
    var client = client(config().withRequestTimeout(Duration.ofMillis(300)));

    // WHEN
    Optional<HnItem> item = client.item(7);

    // THEN
    assertThat(item).map(HnItem::id).contains(7L);
    assertThat(client.stats()).isEqualTo(new HnClientStats(2, 1, 1));
  }

  @Test
  void item_shouldFailAtOnce_whenNotFound() {
    // GIVEN
    server.script("item/7.json", status(404), json(ScriptedHnServer.commentJson(7)));
    var client = client();

    // WHEN / THEN
    assertThatThrownBy(() -> client.item(7))
        .isInstanceOfSatisfying(HnRequestRejectedException.class, rejected -> {
          assertThat(rejected.status()).isEqualTo(404);
          assertThat(rejected.url()).isEqualTo(URI.create(server.baseUrl() + "/item/7.json"));
        });
    assertThat(server.requests("item/7.json")).isEqualTo(1);
    assertThat(client.stats()).isEqualTo(new HnClientStats(1, 0, 0));
  }

  @Test
  void item_shouldGiveUpNamingUrlAndStall_whenNothingSucceedsForTheStallTimeout() {
    // GIVEN an item that answers 500 however often it is asked, and no other request
    for (int i = 0; i < 1_000; i++) {
      server.script("item/7.json", status(500));
    }
    var client = client();
    long start = System.nanoTime();

    // WHEN / THEN
    assertThatThrownBy(() -> client.item(7))
        .isInstanceOf(HnUnavailableException.class)
        .isNotInstanceOf(HnRequestRejectedException.class)
        .hasMessageContaining("no HN request has succeeded for 0.5 s")
        .hasMessageContaining(server.baseUrl() + "/item/7.json")
        .hasMessageContaining("status 500")
        .hasMessageNotContaining("\n");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("never before the stall timeout").isGreaterThanOrEqualTo(QUICK_RETRIES.stallTimeout());
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(server.requests("item/7.json")).isGreaterThan(4);
    assertThat(client.stats().retries()).isEqualTo(client.stats().requests() - 1);
  }

  @Test
  void item_shouldGiveUpNamingFault_whenConnectionRefused() throws IOException {
    // GIVEN a port that nothing listens on any more
    URI deadBase;
    try (var gone = ScriptedHnServer.start()) {
      deadBase = gone.baseUrl();
    }
    var client = client(HnClientConfig.defaults(deadBase).withRetry(QUICK_RETRIES));

    // WHEN / THEN
    assertThatThrownBy(() -> client.item(7))
        .isInstanceOf(HnUnavailableException.class)
        .hasMessageContaining(deadBase + "/item/7.json")
        .hasMessageContaining("ConnectException");
    assertThat(client.stats().retries()).isPositive();
  }

  @Test
  void item_shouldTryAgain_whenEarlierCallWasRejected() {
    // GIVEN a first answer retrying cannot fix, then a good one
    server.script("item/7.json", status(404));
    var client = client();
    assertThatThrownBy(() -> client.item(7)).isInstanceOf(HnRequestRejectedException.class);

    // WHEN
    Optional<HnItem> item = client.item(7);

    // THEN the failure was not kept
    assertThat(item).map(HnItem::id).contains(7L);
    assertThat(client.stats()).isEqualTo(new HnClientStats(2, 0, 1));
  }

  @Test
  void items_shouldKeepRequestsInFlightWithinBound_whenManyIdsAsked() {
    // GIVEN
    server.delayUnscriptedAnswers(Duration.ofMillis(5));
    var client = client(config().withMaxConcurrency(8));
    List<Long> ids = LongStream.rangeClosed(1, 200).boxed().toList();

    // WHEN
    var items = client.items(ids);

    // THEN
    assertThat(items).hasSize(200).allSatisfy((id, item) -> assertThat(item).map(HnItem::id).contains(id));
    assertThat(server.maxInFlight()).isBetween(2, 8);
    assertThat(client.stats()).isEqualTo(new HnClientStats(200, 0, 200));
  }

  @Test
  void item_shouldSendOneRequest_whenFiftyThreadsAskSameIdAtOnce() throws Exception {
    // GIVEN
    server.delayUnscriptedAnswers(Duration.ofMillis(200));
    var client = client();
    var start = new CountDownLatch(1);
    var answers = new ArrayList<Future<Optional<HnItem>>>();

    // WHEN
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        answers.add(threads.submit(() -> {
          start.await();
          return client.item(99);
        }));
      }
      start.countDown();
    }

    // THEN
    for (var answer : answers) {
      assertThat(answer.get()).map(HnItem::id).contains(99L);
    }
    assertThat(server.requests("item/99.json")).isEqualTo(1);
    assertThat(client.stats()).isEqualTo(new HnClientStats(1, 0, 1));
  }

  @Test
  void items_shouldReturnEveryIdInOrder_whenSomeAnswerNull() {
    // GIVEN
    server.script("item/3.json", json("null"));
    var client = client();

    // WHEN
    var items = client.items(List.of(4L, 3L, 2L, 4L));

    // THEN
    assertThat(items.keySet()).containsExactly(4L, 3L, 2L);
    assertThat(items.get(3L)).isEmpty();
    assertThat(items.get(4L)).map(HnItem::id).contains(4L);
    assertThat(items.get(2L)).map(HnItem::id).contains(2L);
  }

  @Test
  void maxItem_shouldReturnNumber_whenAnswered() {
    // GIVEN
    server.script("maxitem.json", json("45123456"));

    // WHEN
    long max = client().maxItem();

    // THEN
    assertThat(max).isEqualTo(45_123_456L);
  }

  @Test
  void newStories_shouldReturnIdsInOrder_whenAnswered() {
    // GIVEN
    server.script("newstories.json", json("[45123456,45123450,45123401]"));

    // WHEN
    List<Long> ids = client().newStories();

    // THEN
    assertThat(ids).containsExactly(45_123_456L, 45_123_450L, 45_123_401L);
  }

  @Test
  void maxItem_shouldRetry_whenBodyIsNotANumber() {
    // GIVEN
    server.script("maxitem.json", json("null"), json("\"soon\""), json("45123456"));
    var client = client();

    // WHEN
    long max = client.maxItem();

    // THEN
    assertThat(max).isEqualTo(45_123_456L);
    assertThat(client.stats()).isEqualTo(new HnClientStats(3, 2, 0));
  }

  @Test
  void item_shouldRetry_whenAnswerCarriesAnotherId() {
    // GIVEN
    server.script("item/7.json", json(ScriptedHnServer.commentJson(8)), json(ScriptedHnServer.commentJson(7)));
    var client = client();

    // WHEN
    Optional<HnItem> item = client.item(7);

    // THEN
    assertThat(item).map(HnItem::id).contains(7L);
    assertThat(client.stats().retries()).isEqualTo(1);
  }

  @Test
  void stats_shouldCountEveryRequestRetryAndDistinctItem_whenMixedCallsMade() {
    // GIVEN
    server.script("item/2.json", json("null"));
    server.script("item/3.json", status(500), status(429), json(ScriptedHnServer.commentJson(3)));
    server.script("maxitem.json", json("3"));
    server.script("newstories.json", status(502), json("[3,1]"));
    var client = client(config().withBaseUrl(URI.create(server.baseUrl() + "/")));

    // WHEN
    client.maxItem();
    client.newStories();
    client.items(List.of(1L, 2L, 3L));
    client.item(1);
    client.item(2);
    client.item(3);

    // THEN 1 + 2 + (1 + 1 + 3) requests, 1 + 2 retries, 3 distinct items
    assertThat(client.stats()).isEqualTo(new HnClientStats(8, 3, 3));
  }

  @Test
  void item_shouldReject_whenIdNegative() {
    assertThatThrownBy(() -> client().item(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.requests()).isZero();
  }
}
