package dev.hndeepest.cli;

import static dev.hndeepest.cli.ScriptedJobApi.Answer.drop;
import static dev.hndeepest.cli.ScriptedJobApi.Answer.json;
import static dev.hndeepest.cli.ScriptedJobApi.Answer.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code hn-deepest job --api URL} against a {@link ScriptedJobApi} on 127.0.0.1 (PRODUCT.md §6):
 * it polls with the server's {@code Retry-After}, retries 429, 5xx and unreadable answers within
 * its stall bound, and ends a real failure with exit 1 and one line, never a stack trace.
 */
class JobCommandTest {
  private static final String RESULT =
      Json.write(DeepestThreadResult.of(null, TimeWindow.endingAt(1_740_000_000L, 2), 0, 12, ItemSource.CUSTOM));

  private ScriptedJobApi api;

  @BeforeEach
  void start() throws IOException {
    api = new ScriptedJobApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static String job(String id, String status, String extra) {
    return "{\"jobId\":\"" + id + "\",\"status\":\"" + status + "\",\"hours\":2,\"asOf\":\"2025-02-19T21:20:00Z\","
        + "\"progress\":{\"storiesTotal\":3,\"storiesDone\":1,\"batchesTotal\":2,\"batchesDone\":1}" + extra + "}";
  }

  private static Duration gap(List<ScriptedJobApi.Request> requests, int from) {
    return Duration.ofNanos(requests.get(from + 1).arrivalNanos() - requests.get(from).arrivalNanos());
  }

  @Test
  void job_shouldPrintTheAnswer_afterRetryingEveryBadAnswerAndHonouringRetryAfter() {
    // GIVEN an API behind a stage path that refuses the submit twice (a non-JSON 503, then a 429
    // asking for 1 s), then answers with a relative Location; whose job URL answers a JSON 503
    // asking for 1 s, a cut-off body, a dropped connection, RUNNING with a 1 s polling hint, then
    // SUCCEEDED
    api.script("POST /prod/jobs",
        text(503, "<html><body>Service Unavailable</body></html>"),
        json(429, "{\"status\":429,\"detail\":\"slow down\"}", "Retry-After", "1"),
        json(202, job("j1", "PENDING", ""), "Location", "/jobs/j1"));
    api.script("GET /prod/jobs/j1",
        json(503, "{\"status\":503,\"detail\":\"the job store is unavailable\"}", "Retry-After", "1"),
        json(200, "{\"jobId\":\"j1\",\"sta"),
        drop(),
        json(200, job("j1", "RUNNING", ""), "Retry-After", "1"),
        json(200, job("j1", "SUCCEEDED", ",\"result\":" + RESULT)));

    // WHEN
    var run = CommandRun.run("job", "--api", api.root() + "/prod", "--hours", "2", "--json", "--quiet");

    // THEN the answer, from the job the one key made
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Json.read(run.out(), DeepestThreadResult.class)).isEqualTo(Json.read(RESULT, DeepestThreadResult.class));
    assertThat(run.err()).isEmpty();
    var posts = api.requests("POST", "/prod/jobs");
    assertThat(posts).hasSize(3).allSatisfy(post -> assertThat(post.query()).isEqualTo("hours=2"));
    assertThat(posts.stream().map(ScriptedJobApi.Request::idempotencyKey).distinct()).singleElement()
        .isNotNull();
    // AND every Retry-After was waited for, as asked
    var polls = api.requests("GET", "/prod/jobs/j1");
    assertThat(polls).hasSize(5);
    assertThat(gap(posts, 1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(gap(polls, 0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(gap(polls, 3)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void job_shouldFollowAnAbsoluteLocation_asGiven() {
    // GIVEN a Location that names the job's full URL, stage included
    api.script("POST /stage/jobs", json(202, job("j2", "PENDING", ""), "Location", api.root() + "/stage/jobs/j2"));
    api.script("GET /stage/jobs/j2", json(200, job("j2", "SUCCEEDED", ",\"result\":" + RESULT)));

    // WHEN
    var run = CommandRun.run("job", "--api", api.root() + "/stage/", "--hours", "2", "--json");

    // THEN
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(api.requests("GET", "/stage/jobs/j2")).hasSize(1);
  }

  @Test
  void job_shouldExit1WithOneLine_whenTheApiGivesNoUsableAnswerForTheStall() {
    // GIVEN a submit that is answered 503 however often it is tried
    api.script("POST /jobs", text(503, "<html>down for maintenance</html>"));
    long started = System.nanoTime();

    // WHEN
    var run = CommandRun.run("job", "--api", api.root().toString(), "--hours", "2", "--stall-seconds", "1");

    // THEN after the stall, not before, one line naming the call and the last answer
    var took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).singleElement().asString()
        .startsWith("hn-deepest: the job API at 127.0.0.1:")
        .contains("gave no usable answer for 1 s while submitting the job")
        .contains("status 503 (<html>down for maintenance</html>)");
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(api.requests("POST", "/jobs")).hasSizeGreaterThan(1);
  }

  @Test
  void job_shouldExit1WithOneLine_whenTheApiCannotBeReached() throws IOException {
    int closedPort;
    try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }

    var run = CommandRun.run("job", "--api", "http://127.0.0.1:" + closedPort, "--hours", "2",
        "--stall-seconds", "1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines().toList()).singleElement().asString()
        .contains("gave no usable answer for 1 s").contains("ConnectException").doesNotContain("\tat ");
  }

  @Test
  void job_shouldExit1WithTheJobsReason_whenTheJobFailed() {
    api.script("POST /jobs", json(202, job("j3", "PENDING", ""), "Location", "/jobs/j3"));
    api.script("GET /jobs/j3", json(200, job("j3", "FAILED", ",\"error\":\"discovery failed 3 times\"")));

    var run = CommandRun.run("job", "--api", api.root().toString(), "--hours", "2");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("hn-deepest: job j3 FAILED: discovery failed 3 times");
  }

  @Test
  void job_shouldExit2WithTheProblem_whenTheApiRejectsTheRequest() {
    api.script("POST /jobs", json(400, "{\"status\":400,\"detail\":\"bad request\","
        + "\"invalidParams\":[{\"name\":\"hours\",\"reason\":\"must be an integer from 1 to 720\"}]}"));

    var run = CommandRun.run("job", "--api", api.root().toString(), "--hours", "abc");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("hn-deepest: the job API refused the job (400): hours must be an integer from 1 to 720");
    assertThat(api.requests("POST", "/jobs")).as("a 400 is not retried").hasSize(1);
  }

  @Test
  void job_shouldExit1WithOneLine_whenTheJobIsNotFound() {
    api.script("POST /jobs", json(202, job("j4", "PENDING", ""), "Location", "/jobs/j4"));
    api.script("GET /jobs/j4", json(404, "{\"status\":404,\"detail\":\"no job j4\"}"));

    var run = CommandRun.run("job", "--api", api.root().toString(), "--hours", "2");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines().toList()).singleElement().asString().endsWith("answered 404 for "
        + api.root() + "/jobs/j4: no job j4");
  }

  @Test
  void job_shouldExit2_whenApiOrStallIsBad() {
    for (var args : List.of(List.of("--api", "not-a-url"), List.of("--api", "ftp://example.com"),
        List.of("--api", api.root().toString(), "--stall-seconds", "0"))) {
      var all = new ArrayList<>(List.of("job", "--hours", "2"));
      all.addAll(args);

      var run = CommandRun.run(all.toArray(String[]::new));

      assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err().strip()).startsWith("hn-deepest: ").doesNotContain("\n");
    }
    assertThat(api.requests("POST", "/jobs")).isEmpty();
  }
}
