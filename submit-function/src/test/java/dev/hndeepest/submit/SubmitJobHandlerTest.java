package dev.hndeepest.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.api.SubmitJobApi;
import dev.hndeepest.job.InMemoryJobStore;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobSubmission;
import dev.hndeepest.job.RecordingWorkQueue;
import dev.hndeepest.job.WorkMessage;
import dev.hndeepest.json.Json;
import dev.hndeepest.request.WindowRequestParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The submit handler on the events/ files, with in-memory store and queue. */
class SubmitJobHandlerTest {
  private static final Instant NOW = Instant.parse("2025-06-11T00:00:00Z");
  private final InMemoryJobStore store = new InMemoryJobStore();
  private final RecordingWorkQueue queue = new RecordingWorkQueue();
  private final SubmitJobHandler handler = new SubmitJobHandler(new SubmitJobApi(
      new JobSubmission(store, queue, Clock.fixed(NOW, ZoneOffset.UTC)), new WindowRequestParser(720),
      Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(7)));

  @Test
  void handleRequest_shouldQueueDiscoveryAndAnswer202_whenEventIsGood() {
    var event = EventLoader.loadApiGatewayRestEvent("../events/submit-job.json");

    var response = handler.handleRequest(event, null);

    var body = Json.read(response.getBody(), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(response.getHeaders()).containsEntry("Location",
        "https://abcdef1234.execute-api.us-east-1.amazonaws.com/prod/jobs/" + body.get("jobId").asText());
    assertThat(store.allJobs()).singleElement().satisfies(job -> assertThat(job.request().hours()).isEqualTo(24));
    assertThat(queue.sent()).containsExactly(new WorkMessage.DiscoverPosts(new JobId(body.get("jobId").asText())));
  }

  @Test
  void handleRequest_shouldAnswerALocationThatKeepsTheStage_whenResolvedAgainstTheUrlTheClientPosted() {
    // GIVEN the event API Gateway delivers for POST https://abcdef1234.execute-api.../prod/jobs?hours=24
    var event = EventLoader.loadApiGatewayRestEvent("../events/submit-job.json");
    var posted = URI.create("https://abcdef1234.execute-api.us-east-1.amazonaws.com/prod/jobs?hours=24");

    // WHEN the client follows Location and links.self as RFC 3986 says
    var response = handler.handleRequest(event, null);
    var body = Json.read(response.getBody(), JsonNode.class);
    var followed = posted.resolve(response.getHeaders().get("Location"));

    // THEN it lands on GET /prod/jobs/{id} of the same host
    assertThat(followed).isEqualTo(URI.create(
        "https://abcdef1234.execute-api.us-east-1.amazonaws.com/prod/jobs/" + body.get("jobId").asText()));
    assertThat(posted.resolve(body.at("/links/self").asText())).isEqualTo(followed);
  }

  @Test
  void handleRequest_shouldLinkUnderTheBasePath_whenCalledThroughACustomDomain() {
    // GIVEN POST https://api.example.com/v1/jobs?hours=24, a custom domain whose base path v1 maps to the stage
    var event = EventLoader.loadApiGatewayRestEvent("../events/submit-job-custom-domain.json");

    var response = handler.handleRequest(event, null);

    var jobId = Json.read(response.getBody(), JsonNode.class).get("jobId").asText();
    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(response.getHeaders()).containsEntry("Location", "https://api.example.com/v1/jobs/" + jobId);
  }

  @Test
  void handleRequest_shouldStoreGivenAsOf_whenEventHasAsOfAndKey() {
    var event = EventLoader.loadApiGatewayRestEvent("../events/submit-job-as-of.json");

    var first = handler.handleRequest(event, null);
    var again = handler.handleRequest(event, null);

    assertThat(first.getStatusCode()).isEqualTo(202);
    assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");
    assertThat(again.getHeaders().get("Location")).isEqualTo(first.getHeaders().get("Location"));
    assertThat(store.allJobs()).singleElement()
        .satisfies(job -> assertThat(job.request().asOf()).isEqualTo(Instant.parse("2025-06-10T12:00:00Z").getEpochSecond()));
    assertThat(queue.sent()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
      "submit-job-missing-hours.json, 400, hours",
      "submit-job-hours-abc.json, 400, hours",
      "submit-job-hours-repeated.json, 400, hours",
      "submit-job-wrong-method.json, 405, ''"})
  void handleRequest_shouldAnswerProblemAndChangeNothing_whenEventIsBad(String file, int status, String param) {
    var event = EventLoader.loadApiGatewayRestEvent("../events/" + file);

    var response = handler.handleRequest(event, null);

    var body = Json.read(response.getBody(), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    assertThat(body.get("requestId").asText()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    if (!param.isEmpty()) {
      assertThat(body.at("/invalidParams/0/name").asText()).isEqualTo(param);
    }
    assertThat(store.writes()).isZero();
    assertThat(queue.sent()).isEmpty();
  }
}
