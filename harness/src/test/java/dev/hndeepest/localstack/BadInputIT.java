package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

// Starts a real moto_server (MotoFixture, from the project venv) and a local stack on it with the
// real submit and status handlers behind the local API Gateway, and no worker: a message that a
// bad request queued would stay on the queue to be seen. Sends every request over loopback HTTP.
class BadInputIT {
  /** An HN API nobody listens on: nothing here may ever reach it. */
  private static final URI NO_HN_API = URI.create("http://127.0.0.1:9/v0");
  private static final String UNKNOWN_JOB = "0b7e6a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
  private static final AtomicInteger TRIED = new AtomicInteger();
  /** RFC 9110's reason phrases, the titles of about:blank problems (RFC 9457 §4.2.1). */
  private static final Map<Integer, String> REASON_PHRASES = Map.of(400, "Bad Request", 404, "Not Found",
      413, "Content Too Large", 414, "URI Too Long");

  private static MotoFixture moto;
  private static LocalStack rejecting;
  private static JobApiClient api;

  @BeforeAll
  static void start() {
    moto = MotoFixture.start();
    rejecting = apiOnlyStack("it-bad");
    api = new JobApiClient(rejecting.apiBaseUrl());
  }

  @AfterAll
  static void stop() {
    System.out.printf("[bad-input suite] %d bad requests tried: each got its status and problem body; the table "
        + "and the queues stayed empty%n", TRIED.get());
    rejecting.close();
    moto.close();
  }

  private static LocalStack apiOnlyStack(String prefix) {
    return LocalStack.start(moto.stack(prefix)
        .parameter("HnApiBaseUrl", NO_HN_API.toString())
        .leaveOut("WorkerFunction")
        .build());
  }

  /**
   * One bad request and what it must get.
   *
   * @param invalidParams the parameters a 400 validation problem must name; empty for other problems
   */
  record BadRequest(String label, String method, String target, Map<String, String> headers, byte[] body,
      int status, List<String> invalidParams) {
    @Override
    public String toString() {
      return label + " -> " + status;
    }

    BadRequest withHeader(String name, String value) {
      return new BadRequest(label, method, target, Map.of(name, value), body, status, invalidParams);
    }

    BadRequest withBody(byte[] newBody) {
      return new BadRequest(label, method, target, headers, newBody, status, invalidParams);
    }
  }

  private static HttpResponse<String> send(BadRequest bad) {
    var request = api.request(bad.target()).method(bad.method(), HttpRequest.BodyPublishers.ofByteArray(bad.body()));
    bad.headers().forEach(request::header);
    return api.send(request);
  }

  private static BadRequest submit(String label, String query, int status, String... invalidParams) {
    return new BadRequest(label, "POST", "/jobs" + (query == null ? "" : "?" + query), Map.of(), new byte[0],
        status, List.of(invalidParams));
  }

  private static BadRequest call(String label, String method, String target, int status, String... invalidParams) {
    return new BadRequest(label, method, target, Map.of(), new byte[0], status, List.of(invalidParams));
  }

  private static String repeat(String text, int times) {
    return text.repeat(times);
  }

  static Stream<BadRequest> badRequests() {
    var inFiveMinutes = Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond();
    var cases = new ArrayList<BadRequest>(List.of(
        // hours: missing, empty, not an integer written with 0-9, out of range, repeated
        submit("hours missing", null, 400, "hours"),
        submit("hours empty", "hours=", 400, "hours"),
        submit("hours without '='", "hours", 400, "hours"),
        submit("hours named in capitals", "HOURS=24", 400, "hours"),
        submit("hours a word", "hours=abc", 400, "hours"),
        submit("hours negative", "hours=-1", 400, "hours"),
        submit("hours negative zero", "hours=-0", 400, "hours"),
        submit("hours zero", "hours=0", 400, "hours"),
        submit("hours zeros", "hours=000", 400, "hours"),
        submit("hours above MAX_HOURS", "hours=721", 400, "hours"),
        submit("hours beyond int", "hours=2147483648", 400, "hours"),
        submit("hours huge", "hours=" + repeat("9", 40), 400, "hours"),
        submit("hours fractional", "hours=1.5", 400, "hours"),
        submit("hours fractional zero", "hours=24.0", 400, "hours"),
        submit("hours exponent", "hours=1e3", 400, "hours"),
        submit("hours exponent capital", "hours=2E1", 400, "hours"),
        submit("hours hex", "hours=0x18", 400, "hours"),
        submit("hours hex digits", "hours=1A", 400, "hours"),
        submit("hours fullwidth digits", "hours=%EF%BC%92%EF%BC%94", 400, "hours"),
        submit("hours Arabic-Indic digits", "hours=%D9%A2%D9%A4", 400, "hours"),
        submit("hours Devanagari digits", "hours=%E0%A5%A8%E0%A5%AA", 400, "hours"),
        submit("hours leading space", "hours=%2024", 400, "hours"),
        submit("hours trailing space", "hours=24%20", 400, "hours"),
        submit("hours '+' (a space in a query)", "hours=+24", 400, "hours"),
        submit("hours plus sign", "hours=%2B24", 400, "hours"),
        submit("hours tab", "hours=%0924", 400, "hours"),
        submit("hours newline", "hours=24%0A", 400, "hours"),
        submit("hours NUL", "hours=24%00", 400, "hours"),
        submit("hours digit groups", "hours=2_4", 400, "hours"),
        submit("hours comma", "hours=2,4", 400, "hours"),
        submit("hours quoted", "hours=%2224%22", 400, "hours"),
        submit("hours SQL", "hours=24%27%20OR%201%3D1", 400, "hours"),
        submit("hours repeated with another value", "hours=1&hours=2", 400, "hours"),
        submit("hours repeated once empty", "hours=24&hours=", 400, "hours"),
        // asOf: in the future, before HN, unparsable, repeated
        submit("asOf far future", "hours=1&asOf=2999-01-01T00:00:00Z", 400, "asOf"),
        submit("asOf in five minutes", "hours=1&asOf=" + inFiveMinutes, 400, "asOf"),
        submit("asOf future epoch", "hours=1&asOf=99999999999", 400, "asOf"),
        submit("asOf before 2006", "hours=1&asOf=2006-01-01T00:00:00Z", 400, "asOf"),
        submit("asOf a second before HN's first item", "hours=1&asOf=2006-10-09T18:21:50Z", 400, "asOf"),
        submit("asOf epoch zero", "hours=1&asOf=0", 400, "asOf"),
        submit("asOf negative epoch", "hours=1&asOf=-1", 400, "asOf"),
        submit("asOf a word", "hours=1&asOf=soon", 400, "asOf"),
        submit("asOf month 13", "hours=1&asOf=2024-13-01T00:00:00Z", 400, "asOf"),
        submit("asOf date only", "hours=1&asOf=2024-06-10", 400, "asOf"),
        submit("asOf without offset", "hours=1&asOf=2024-06-10T06:13:20", 400, "asOf"),
        submit("asOf fractional epoch", "hours=1&asOf=1717999999.5", 400, "asOf"),
        submit("asOf exponent epoch", "hours=1&asOf=1.7e9", 400, "asOf"),
        submit("asOf empty", "hours=1&asOf=", 400, "asOf"),
        submit("asOf too long", "hours=1&asOf=" + repeat("1", 100), 400, "asOf"),
        submit("asOf repeated with another value", "hours=1&asOf=1717999999&asOf=1718000000", 400, "asOf"),
        submit("hours and asOf both wrong", "hours=0&asOf=soon", 400, "hours", "asOf"),
        // the body is no place for parameters
        submit("hours in a JSON body only", null, 400, "hours")
            .withHeader("Content-Type", "application/json")
            .withBody("{\"hours\":24}".getBytes(StandardCharsets.UTF_8)),
        // Idempotency-Key
        submit("Idempotency-Key empty", "hours=1", 400, "Idempotency-Key").withHeader("Idempotency-Key", ""),
        submit("Idempotency-Key with spaces", "hours=1", 400, "Idempotency-Key")
            .withHeader("Idempotency-Key", "a key with spaces"),
        submit("Idempotency-Key too long", "hours=1", 400, "Idempotency-Key")
            .withHeader("Idempotency-Key", repeat("k", 256)),
        // job ids: malformed and unknown
        call("job id not a UUID", "GET", "/jobs/not-a-job-id", 400, "jobId"),
        call("job id in capitals", "GET", "/jobs/" + UNKNOWN_JOB.toUpperCase(), 400, "jobId"),
        call("job id a version-1 UUID", "GET", "/jobs/0b7e6a52-1c3d-1e5f-8a9b-0c1d2e3f4a5b", 400, "jobId"),
        call("job id without dashes", "GET", "/jobs/" + UNKNOWN_JOB.replace("-", ""), 400, "jobId"),
        call("job id too long", "GET", "/jobs/" + repeat("a", 300), 400, "jobId"),
        call("job id SQL", "GET", "/jobs/%27%20OR%20%271%27%3D%271", 400, "jobId"),
        call("job id path traversal", "GET", "/jobs/..%2F..%2Fetc%2Fpasswd", 400, "jobId"),
        call("job id unknown", "GET", "/jobs/" + UNKNOWN_JOB, 404),
        // other methods and paths: API Gateway answers both with the template's MISSING_AUTHENTICATION_TOKEN response
        call("DELETE /jobs", "DELETE", "/jobs?hours=1", 404),
        call("PUT /jobs", "PUT", "/jobs?hours=1", 404),
        call("PATCH /jobs", "PATCH", "/jobs?hours=1", 404),
        call("GET /jobs", "GET", "/jobs", 404),
        call("OPTIONS /jobs", "OPTIONS", "/jobs", 404),
        call("POST /jobs/{id}", "POST", "/jobs/" + UNKNOWN_JOB, 404),
        call("DELETE /jobs/{id}", "DELETE", "/jobs/" + UNKNOWN_JOB, 404),
        call("PUT /jobs/{id}", "PUT", "/jobs/" + UNKNOWN_JOB, 404),
        call("a path below a job", "GET", "/jobs/" + UNKNOWN_JOB + "/result", 404),
        call("POST /openapi.json", "POST", "/openapi.json", 404),
        call("POST to the root", "POST", "/?hours=1", 404),
        call("another path", "POST", "/elsewhere?hours=1", 404),
        call("path in capitals", "POST", "/Jobs?hours=1", 404),
        // absurd sizes
        submit("query string over 4096 characters", "hours=1&pad=" + repeat("x", 5_000), 413),
        submit("hours of 5000 digits", "hours=" + repeat("1", 5_000), 413),
        submit("1000 parameters", IntStream.range(0, 1_000).mapToObj(i -> "p" + i + "=1")
            .collect(Collectors.joining("&")) + "&hours=1", 413),
        submit("URL over 8192 characters", "hours=1&pad=" + repeat("x", 9_000), 414),
        submit("body over 4096 characters", "hours=1", 413).withBody(new byte[5_000]),
        submit("body over API Gateway's 10 MB", "hours=1", 413).withBody(new byte[10 * 1024 * 1024 + 1])));
    return cases.stream();
  }

  @Test
  void submit_shouldHintThatHoursIsAQueryParameter_whenOnlyAJsonBodyCarriesIt() {
    var bad = submit("hours in a JSON body only", null, 400, "hours")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"hours\":6}".getBytes(StandardCharsets.UTF_8));

    var response = send(bad);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.read(response.body(), JsonNode.class).get("detail").asText())
        .contains("hours and asOf are query parameters, as in POST /jobs?hours=6");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badRequest_shouldGetItsProblemAndChangeNothing(BadRequest bad) {
    // WHEN
    var response = send(bad);
    TRIED.incrementAndGet();

    // THEN the status and an RFC 9457 problem with the request id, and no trace of the internals
    assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    var problem = Json.read(response.body(), JsonNode.class);
    assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
    // One style for the functions' problems and the gateway's own: about:blank, the status's reason phrase.
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("title").asText()).isEqualTo(REASON_PHRASES.get(bad.status()));
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("requestId").asText()).isEqualTo(response.headers().firstValue("X-Amzn-RequestId").orElseThrow());
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at dev.");
    if (!bad.invalidParams().isEmpty()) {
      var named = new ArrayList<String>();
      problem.get("invalidParams").forEach(param -> {
        named.add(param.get("name").asText());
        assertThat(param.get("reason").asText()).isNotBlank();
      });
      assertThat(named).containsExactlyInAnyOrderElementsOf(bad.invalidParams());
    }
    // AND nothing was stored or queued
    assertNothingStoredOrQueued(rejecting);
  }

  private static void assertNothingStoredOrQueued(LocalStack stack) {
    assertThat(moto.dynamoDb.scan(r -> r.tableName(stack.resources().tableName("JobsTable"))).count()).isZero();
    assertThat(moto.messagesIn(stack.resources().queueUrl("WorkQueue"))).isZero();
    assertThat(moto.messagesIn(stack.resources().queueUrl("WorkDeadLetterQueue"))).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "hours=1", "hours=720", "hours=24&hours=24", "hours=6&asOf=2006-10-09T18:21:51Z",
      "hours=6&asOf=1718000000", "hours=6&asOf=2024-06-10T08:13:20%2B02:00"})
  void goodRequest_shouldBeAccepted_whenAtTheEdgesOfWhatIsValid(String query) {
    // GIVEN a stack of its own, so the rejecting stack's table stays empty
    try (var accepting = apiOnlyStack("it-good")) {
      // WHEN
      var job = new JobApiClient(accepting.apiBaseUrl()).submit(query);

      // THEN the same checks would have seen it: one job stored, one discovery queued
      assertThat(job.get("status").asText()).isEqualTo("PENDING");
      assertThat(moto.dynamoDb.scan(r -> r.tableName(accepting.resources().tableName("JobsTable"))).count()).isOne();
      assertThat(moto.messagesIn(accepting.resources().queueUrl("WorkQueue"))).isOne();
    }
  }

  @Test
  void badRequests_shouldBeAtLeastFortyDistinctCases() {
    var labels = badRequests().map(BadRequest::label).toList();

    assertThat(labels).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    assertThat(Arrays.stream(new int[] {400, 404, 413, 414}))
        .allSatisfy(status -> assertThat(badRequests().anyMatch(bad -> bad.status() == status)).isTrue());
  }
}
