package dev.hndeepest.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.api.JobStatusApi;
import dev.hndeepest.job.InMemoryJobStore;
import dev.hndeepest.job.Job;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobPlan;
import dev.hndeepest.job.JobCancellation;
import dev.hndeepest.job.JobFinisher;
import dev.hndeepest.json.Json;
import dev.hndeepest.lambda.metrics.EmfLines;
import dev.hndeepest.lambda.metrics.PowertoolsJobMetrics;
import dev.hndeepest.request.WindowRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status handler on the events/ files, with an in-memory store. */
class JobStatusHandlerTest {
  private static final JobId EVENT_JOB = new JobId("3f1c2b9e-8d4a-4f6b-9c2d-1a2b3c4d5e6f");
  private final InMemoryJobStore store = new InMemoryJobStore();
  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
  private final PowertoolsJobMetrics metrics = EmfLines.metrics();
  private final JobStatusHandler handler = new JobStatusHandler(new JobStatusApi(
      new JobFinisher(store, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1), metrics),
      new JobCancellation(store, Clock.fixed(NOW, ZoneOffset.UTC), metrics), Duration.ofDays(7)), metrics);

  @Test
  void handleRequest_shouldAnswerEmptyWindowResult_whenJobHadNoPosts() {
    var asOf = NOW;
    store.create(Job.submitted(EVENT_JOB, new WindowRequest(24, asOf.getEpochSecond(), true), asOf), Optional.empty());
    store.markRunning(EVENT_JOB, JobPlan.ofPosts(0, 0, 40));

    var response = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-status.json"), null);

    var body = Json.read(response.getBody(), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(body.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(body.at("/result/storyId").isNull()).isTrue();
    assertThat(body.at("/result/window/to").asLong()).isEqualTo(asOf.getEpochSecond());
    assertThat(body.at("/result/itemsFetched").asLong()).isEqualTo(40);
  }

  @Test
  void handleRequest_shouldAnswerPending_whenJobJustSubmitted() {
    store.create(Job.submitted(EVENT_JOB, new WindowRequest(1, 1749556800L, false), NOW), Optional.empty());

    var response = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-status.json"), null);

    assertThat(Json.read(response.getBody(), JsonNode.class).get("status").asText()).isEqualTo("PENDING");
    assertThat(store.find(EVENT_JOB)).get().extracting(Job::status).isEqualTo(dev.hndeepest.job.JobStatus.PENDING);
  }

  @Test
  void handleRequest_shouldAnswer404_whenJobUnknown() {
    var response = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-status-unknown.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
  }

  @Test
  void handleRequest_shouldAnswer400_whenJobIdMalformed() {
    var response =
        handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-status-malformed-id.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(Json.read(response.getBody(), JsonNode.class).at("/invalidParams/0/name").asText()).isEqualTo("jobId");
  }

  @Test
  void handleRequest_shouldAnswerRetryAfter_whileTheJobIsUnfinished() {
    store.create(Job.submitted(EVENT_JOB, new WindowRequest(168, 1749556800L, true), NOW), Optional.empty());

    var response = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-status.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Retry-After", "7");
  }

  @Test
  void handleRequest_shouldCancelAndEmitJobsCancelledWithItsDuration_whenDeleteEvent() {
    // GIVEN a running job submitted 90 s before now
    store.create(Job.submitted(EVENT_JOB, new WindowRequest(24, 1749556800L, true), NOW.minusSeconds(90)),
        Optional.empty());
    store.markRunning(EVENT_JOB, JobPlan.ofPosts(10, 2, 5));

    // WHEN DELETE /jobs/{id}
    var emitted = EmfLines.during(() -> handlerResponse[0] =
        handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-cancel.json"), null));

    // THEN 202 with the job CANCELLED and a polling hint, stored so, and counted with its duration
    var response = handlerResponse[0];
    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(response.getHeaders()).containsKey("Retry-After");
    assertThat(Json.read(response.getBody(), JsonNode.class).get("status").asText()).isEqualTo("CANCELLED");
    assertThat(store.find(EVENT_JOB).orElseThrow().status()).isEqualTo(dev.hndeepest.job.JobStatus.CANCELLED);
    assertThat(emitted.values("JobsCancelled")).containsExactly(1.0);
    assertThat(emitted.values("JobDuration")).containsExactly(90.0);
    assertThat(emitted.unit("JobDuration")).contains("Seconds");
  }

  private final com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent[] handlerResponse =
      new com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent[1];

  @Test
  void handleRequest_shouldAnswer409AndChangeNothing_whenCancellingAFinishedJob() {
    store.create(Job.submitted(EVENT_JOB, new WindowRequest(24, 1749556800L, true), NOW), Optional.empty());
    store.markRunning(EVENT_JOB, JobPlan.ofPosts(0, 0, 40));
    handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-status.json"), null);
    int writesBefore = store.writes();

    var response = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-cancel.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(409);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    assertThat(Json.read(response.getBody(), JsonNode.class).get("detail").asText()).contains("SUCCEEDED");
    assertThat(store.writes()).isEqualTo(writesBefore);
  }

  @Test
  void handleRequest_shouldAnswer400And404_whenCancellingAMalformedOrUnknownId() {
    var malformed =
        handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-cancel-malformed-id.json"), null);
    var unknown = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-cancel.json"), null);

    assertThat(malformed.getStatusCode()).isEqualTo(400);
    assertThat(unknown.getStatusCode()).isEqualTo(404);
    assertThat(store.writes()).isZero();
  }

  @Test
  void handleRequest_shouldEmitSucceededWithTheAnswersDepth_whenTheStatusFunctionCompletesTheJob() {
    store.create(Job.submitted(EVENT_JOB, new WindowRequest(24, 1749556800L, true), NOW.minusSeconds(30)),
        Optional.empty());
    store.markRunning(EVENT_JOB, JobPlan.ofPosts(0, 0, 40));

    var emitted = EmfLines.during(() ->
        handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-status.json"), null));
    var polledAgain = EmfLines.during(() ->
        handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/job-status.json"), null));

    // an empty window has no post: no depth or comments, only the outcome and its duration; counted once
    assertThat(emitted.values("JobsSucceeded")).containsExactly(1.0);
    assertThat(emitted.values("JobDuration")).containsExactly(30.0);
    assertThat(emitted.values("AnswerDepth")).isEmpty();
    assertThat(polledAgain.lines()).isEmpty();
  }
}
