package dev.hndeepest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.depth.MeasuredPost;
import dev.hndeepest.depth.Post;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.depth.Threads;
import dev.hndeepest.job.BatchOutcome;
import dev.hndeepest.job.BackendException;
import dev.hndeepest.job.FailingJobStore;
import dev.hndeepest.job.InMemoryJobStore;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobPlan;
import dev.hndeepest.job.JobStatus;
import dev.hndeepest.job.JobFinisher;
import dev.hndeepest.job.JobSubmission;
import dev.hndeepest.job.RecordingWorkQueue;
import dev.hndeepest.json.Json;
import dev.hndeepest.request.WindowRequestParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job API's two operations, SubmitJobApi and JobStatusApi, on an in-memory store and queue. */
class JobsApiTest {
  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
  private final InMemoryJobStore store = new InMemoryJobStore();
  private final RecordingWorkQueue queue = new RecordingWorkQueue();
  private static final Duration TTL = Duration.ofDays(7);
  private final Api api = new Api(
      new SubmitJobApi(new JobSubmission(store, queue, Clock.fixed(NOW, ZoneOffset.UTC)), new WindowRequestParser(720),
          Clock.fixed(NOW, ZoneOffset.UTC), TTL),
      new JobStatusApi(new JobFinisher(store, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1)), TTL));

  /** Both operations of one deployment, as two functions serve them. */
  private record Api(SubmitJobApi submitApi, JobStatusApi statusApi) {
    ApiResponse submit(ApiRequest request) {
      return submitApi.submit(request);
    }

    ApiResponse status(ApiRequest request) {
      return statusApi.status(request);
    }

    static Api on(FailingJobStore store, RecordingWorkQueue queue) {
      return new Api(new SubmitJobApi(new JobSubmission(store, queue, Clock.systemUTC()), new WindowRequestParser(720),
          Clock.systemUTC(), TTL), new JobStatusApi(new JobFinisher(store, Clock.systemUTC(), Duration.ofHours(1)), TTL));
    }
  }

  private static final URI STAGE = URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/prod");

  private static ApiRequest post(Map<String, List<String>> query) {
    return new ApiRequest("POST", "/jobs", Map.of(), query, Map.of(), null, "req-1", STAGE);
  }

  private static ApiRequest get(String id) {
    return new ApiRequest("GET", "/jobs/" + id, Map.of("id", id), Map.of(), Map.of(), null, "req-2", STAGE);
  }

  private static JsonNode json(ApiResponse response) {
    return Json.read(response.body(), JsonNode.class);
  }

  @Test
  void submit_shouldAnswer202WithAbsoluteLocationUnderTheStage_whenHoursValid() {
    var response = api.submit(post(Map.of("hours", List.of("24"))));

    var body = json(response);
    var jobUrl = STAGE + "/jobs/" + body.get("jobId").asText();
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.headers()).containsEntry("Location", jobUrl);
    assertThat(body.get("status").asText()).isEqualTo("PENDING");
    assertThat(body.get("hours").asInt()).isEqualTo(24);
    assertThat(body.get("asOf").asText()).isEqualTo("2025-06-10T12:00:00Z");
    assertThat(body.at("/links/self").asText()).isEqualTo(jobUrl);
    assertThat(queue.sent()).hasSize(1);
  }

  @Test
  void submit_shouldHintThatHoursIsAQueryParameter_whenItCameInAJsonBody() {
    // GIVEN a client that sends the question as JSON, as many APIs take it
    var request = new ApiRequest("POST", "/jobs", Map.of(), Map.of(), Map.of("Content-Type", List.of("application/json")),
        "{\"hours\":6}", "req-1", STAGE);

    // WHEN
    var response = api.submit(request);

    // THEN 400, the detail says where hours goes, and nothing changed
    var body = json(response);
    assertThat(response.status()).isEqualTo(400);
    assertThat(body.get("detail").asText()).contains("query parameter").contains("POST /jobs?hours=6")
        .contains("body is ignored");
    assertThat(body.at("/invalidParams/0/name").asText()).isEqualTo("hours");
    assertThat(store.writes()).isZero();
    assertThat(queue.sent()).isEmpty();
  }

  @Test
  void submit_shouldNotHintAtTheBody_whenHoursIsMissingAndNoBodyCame() {
    assertThat(json(api.submit(post(Map.of()))).get("detail").asText()).doesNotContain("body");
  }

  @Test
  void submit_shouldAnswerProblem400AndChangeNothing_whenHoursMissing() {
    var response = api.submit(post(Map.of()));

    var body = json(response);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("type").asText()).isEqualTo("about:blank");
    assertThat(body.get("title").asText()).isEqualTo("Bad Request");
    assertThat(body.get("detail").asText()).isNotBlank();
    assertThat(body.at("/invalidParams/0/name").asText()).isEqualTo("hours");
    assertThat(store.writes()).isZero();
    assertThat(queue.sent()).isEmpty();
  }

  @Test
  void submit_shouldAnswer405WithAllow_whenMethodIsGet() {
    var response = api.submit(new ApiRequest("DELETE", "/jobs", Map.of(), Map.of("hours", List.of("1")),
        Map.of(), null, "r", STAGE));

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.headers()).containsEntry("Allow", "POST");
    assertThat(store.writes()).isZero();
  }

  @Test
  void submit_shouldAnswer413_whenQueryIsAbsurdlyLong() {
    var response = api.submit(post(Map.of("hours", List.of("1"), "pad", List.of("x".repeat(5000)))));

    assertThat(response.status()).isEqualTo(413);
    assertThat(store.writes()).isZero();
  }

  @Test
  void submit_shouldAnswer503WithRetryAfter_whenStoreUnreachable() {
    var unreachable = new FailingJobStore(
        () -> new BackendException.Unavailable("Unable to execute HTTP request: Connection refused", null));
    var failing = Api.on(unreachable, queue);

    var response = failing.submit(post(Map.of("hours", List.of("1"))));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers()).containsEntry("Retry-After", "5");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
    assertThat(queue.sent()).isEmpty();
  }

  @Test
  void submit_shouldAnswer503WithRetryAfter_whenTableIsMissing() {
    // GIVEN a table that is gone, as after an emulator restart or while a stack is recreated
    var missingTable = new FailingJobStore(
        () -> new BackendException.MissingResource("Requested resource not found", null));
    var failing = Api.on(missingTable, queue);

    // WHEN
    var submitted = failing.submit(post(Map.of("hours", List.of("1"))));
    var polled = failing.status(get(JobId.random().value()));

    // THEN both say "unavailable, retry later", not 500
    for (var response : List.of(submitted, polled)) {
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.headers()).containsEntry("Retry-After", "5");
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }
    assertThat(queue.sent()).isEmpty();
  }

  @Test
  void submit_shouldAnswer503AndLeaveNoJob_whenQueueIsMissing() {
    // GIVEN a work queue that is gone
    queue.failWith(new BackendException.MissingResource("The specified queue does not exist.", null));

    // WHEN
    var response = api.submit(post(Map.of("hours", List.of("1"))));

    // THEN the client may retry, and the job that could not be queued is not left behind
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers()).containsEntry("Retry-After", "5");
    assertThat(store.allJobs()).isEmpty();
  }

  @Test
  void status_shouldAnswer500WithRequestIdAndNoStackTrace_whenSomethingBreaks() {
    var broken = new JobStatusApi(null, TTL);

    var response = broken.status(get(JobId.random().value()));

    assertThat(response.status()).isEqualTo(500);
    assertThat(json(response).get("requestId").asText()).isEqualTo("req-2");
    assertThat(response.body()).doesNotContain("NullPointerException").doesNotContain("at dev.");
  }

  @Test
  void status_shouldAnswer404SayingHowLongJobsAreKept_whenJobUnknown() {
    var response = api.status(get(JobId.random().value()));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
    assertThat(json(response).get("detail").asText()).contains("expire 7 days after submission");
  }

  @Test
  void everyProblem_shouldBeAboutBlankTitledWithItsReasonPhrase_whateverWentWrong() {
    // GIVEN one request for each problem the API answers with
    var unreachable = Api.on(new FailingJobStore(() -> new BackendException.Unavailable("down", null)), queue);
    var problems = List.of(
        api.submit(post(Map.of())),
        api.status(get(JobId.random().value())),
        api.submit(new ApiRequest("GET", "/jobs", Map.of(), Map.of(), Map.of(), null, "r", STAGE)),
        api.submit(post(Map.of("hours", List.of("1"), "pad", List.of("x".repeat(5000))))),
        unreachable.submit(post(Map.of("hours", List.of("1")))),
        new JobStatusApi(null, TTL).status(get(JobId.random().value())));

    // WHEN / THEN each is about:blank with RFC 9110's phrase for its status, the gateway responses' style
    var phrases = Map.of(400, "Bad Request", 404, "Not Found", 405, "Method Not Allowed", 413, "Content Too Large",
        503, "Service Unavailable", 500, "Internal Server Error");
    assertThat(problems).extracting(ApiResponse::status).containsExactly(400, 404, 405, 413, 503, 500);
    for (var response : problems) {
      var body = json(response);
      assertThat(body.get("type").asText()).isEqualTo("about:blank");
      assertThat(body.get("title").asText()).isEqualTo(phrases.get(response.status()));
      assertThat(body.get("status").asInt()).isEqualTo(response.status());
    }
  }

  @Test
  void status_shouldAnswer400_whenJobIdMalformed() {
    var response = api.status(get("not-a-job"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(json(response).at("/invalidParams/0/name").asText()).isEqualTo("jobId");
  }

  @Test
  void status_shouldReportProgressWithoutResult_whenRunning() {
    var id = submitJob();
    store.markRunning(id, JobPlan.ofPosts(10, 2, 5));
    store.recordBatch(id, outcome(0, 7, 3, 4));

    var body = json(api.status(get(id.value())));

    assertThat(body.get("status").asText()).isEqualTo("RUNNING");
    assertThat(body.at("/progress/storiesTotal").asInt()).isEqualTo(10);
    assertThat(body.at("/progress/storiesDone").asInt()).isEqualTo(4);
    assertThat(body.at("/progress/batchesTotal").asInt()).isEqualTo(2);
    assertThat(body.at("/progress/batchesDone").asInt()).isEqualTo(1);
    assertThat(body.has("result")).isFalse();
    assertThat(body.has("error")).isFalse();
  }

  @Test
  void status_shouldAggregateWithTieBreaks_whenEveryBatchIsIn() {
    var id = submitJob();
    store.markRunning(id, JobPlan.ofPosts(3, 3, 100));
    store.recordBatch(id, outcome(0, 7, 5, 1));   // depth 5, 7 comments
    store.recordBatch(id, outcome(1, 9, 5, 1));   // depth 5, 9 comments: wins on comments
    store.recordBatch(id, outcome(2, 3, 4, 1));

    var body = json(api.status(get(id.value())));

    assertThat(body.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(body.at("/result/storyId").asLong()).isEqualTo(1001L);
    assertThat(body.at("/result/depth").asInt()).isEqualTo(5);
    assertThat(body.at("/result/comments").asInt()).isEqualTo(9);
    assertThat(body.at("/result/storiesConsidered").asInt()).isEqualTo(3);
    assertThat(body.at("/result/itemsFetched").asLong()).isEqualTo(100 + 3 * 10);
    assertThat(body.at("/result/window/hours").asInt()).isEqualTo(24);
  }

  private JobId submitJob() {
    var response = api.submit(post(Map.of("hours", List.of("24"))));
    return new JobId(json(response).get("jobId").asText());
  }

  private static BatchOutcome outcome(int batch, int comments, int depth, int stories) {
    var post = new Post(1000 + batch, "story", "t", null, "u", NOW.getEpochSecond() - 60, List.of());
    var path = java.util.stream.LongStream.rangeClosed(1, depth).boxed().toList();
    return new BatchOutcome(batch, new MeasuredPost(post, Threads.of(depth, comments, path)), stories, 10, 0,
        ItemSource.CUSTOM);
  }
}
