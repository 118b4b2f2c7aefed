package dev.hndeepest.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.api.JobStatusApi;
import dev.hndeepest.job.InMemoryJobStore;
import dev.hndeepest.job.Job;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobPlan;
import dev.hndeepest.job.JobFinisher;
import dev.hndeepest.json.Json;
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
  private final JobStatusHandler handler = new JobStatusHandler(new JobStatusApi(
      new JobFinisher(store, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1)), Duration.ofDays(7)));

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
}
