package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.answer.DeepestThreadFinder;
import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ProgressListener;
import dev.hndeepest.config.AwsClients;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.FirebaseHnClient;
import dev.hndeepest.hn.HnClientConfig;
import dev.hndeepest.job.BatchOutcome;
import dev.hndeepest.job.IdRangePlan;
import dev.hndeepest.job.Job;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobPlan;
import dev.hndeepest.job.JobStatus;
import dev.hndeepest.job.JobStore;
import dev.hndeepest.job.dynamo.DynamoJobStore;
import dev.hndeepest.json.Json;
import dev.hndeepest.replica.GeneratorSpec;
import dev.hndeepest.replica.HnDataGenerator;
import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ReplicaOptions;
import dev.hndeepest.request.WindowRequest;
import dev.hndeepest.worker.WorkerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// Starts a real moto_server (MotoServer, from the project venv) and the HN API replica, both on
// loopback: jobs whose window ended long ago go through discovery's id-range batches (measure-ids)
// and the DynamoDB store's scan plan.
class IdRangeJobIT {
  private static final Instant END = Instant.parse("2025-03-01T00:00:00Z");
  /** "Now" a day after the data: no window is "as of now", so discovery splits ids. */
  private static final Clock DAY_LATER = Clock.fixed(END.plus(Duration.ofDays(1)), ZoneOffset.UTC);
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static MotoFixture moto;
  private static HnReplicaServer replica;

  @BeforeAll
  static void start() throws IOException {
    moto = MotoFixture.start();
    replica = HnReplicaServer.start(HnDataGenerator.generate(GeneratorSpec.endingAt(77, END, 12)),
        ReplicaOptions.defaults());
  }

  @AfterAll
  static void stop() {
    replica.close();
    moto.close();
  }

  @Test
  void job_shouldGiveTheCommandsAnswerAndCountPostsOnce_whenIdRangeBatchesAreDeliveredTwice() {
    // GIVEN a worker that handles every delivery twice, as SQS's at-least-once delivery may
    var options = moto.stack("it-ids")
        .parameter("HnApiBaseUrl", replica.baseUrl().toString())
        .parameter("WorkQueueVisibilityTimeout", "30")
        .clock(DAY_LATER)
        .handler("WorkerFunction", env -> {
          var worker = new WorkerHandler(env, DAY_LATER);
          return (RequestHandler<SQSEvent, SQSBatchResponse>) (event, context) -> {
            worker.handleRequest(event, context);
            return worker.handleRequest(event, context);
          };
        });
    var window = TimeWindow.endingAt(END.getEpochSecond() - 1_800, 10);
    try (var stack = LocalStack.start(options.build()); var admin = StackAdmin.of(stack)) {
      // WHEN a 10-hour window that ended long ago is asked for
      var submitted = send("POST", URI.create(stack.apiBaseUrl() + "/jobs?hours=10&asOf=" + window.to()));
      var jobId = Json.read(submitted.body(), JsonNode.class).get("jobId").asText();
      var job = awaitEnd(stack, jobId);
      var stored = new DynamoJobStore(admin.dynamoDb(), stack.resources().tableName("JobsTable"),
          Duration.ofDays(7), DAY_LATER).find(new JobId(jobId)).orElseThrow();

      // THEN it was split by ids, every batch and post counted once, and the answer is the command's
      var expected = commandAnswer(window);
      assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
      assertThat(stored.idRangePlan()).isNotNull();
      assertThat(stored.batchesTotal()).isEqualTo(stored.idRangePlan().batches()).isGreaterThan(1);
      assertThat(stored.batchesDone()).isEqualTo(stored.batchesTotal());
      assertThat(job.at("/progress/storiesTotal").asLong()).isEqualTo(expected.postsConsidered());
      assertThat(job.at("/progress/storiesDone").asLong()).isEqualTo(expected.postsConsidered());
      assertThat(job.at("/result/storyId").asLong()).isEqualTo(expected.postId());
      assertThat(job.at("/result/depth").asInt()).isEqualTo(expected.depth());
      assertThat(job.at("/result/comments").asInt()).isEqualTo(expected.comments());
      assertThat(Json.MAPPER.convertValue(job.at("/result/deepestPath"), long[].class))
          .containsExactly(expected.deepestPath().stream().mapToLong(Long::longValue).toArray());
      assertThat(job.at("/result/storiesConsidered").asLong()).isEqualTo(expected.postsConsidered());
      var result = Json.MAPPER.convertValue(job.get("result"), DeepestThreadResult.class);
      assertThat(result.deepestThread()).isEqualTo(expected.deepestThread());
      // Batches crawl into each other's slices; each item read still counts once, as in the command.
      assertThat(result.itemsFetched()).as("distinct items read").isEqualTo(expected.itemsFetched());
    }
  }

  @Test
  void dynamoJobStore_shouldKeepTheFirstPlanAndCountFoundPostsOnce_whenCalledAgain() {
    // GIVEN a pending job in a fresh table
    var resources = moto.freshResources(Duration.ofSeconds(30));
    try (var dynamoDb = AwsClients.dynamoDb(moto.moto.access().administratorSettings())) {
      var store = new DynamoJobStore(dynamoDb, resources.tableName("JobsTable"), Duration.ofDays(7), DAY_LATER);
      var job = Job.submitted(JobId.random(), new WindowRequest(10, END.getEpochSecond(), true), DAY_LATER.instant());
      store.create(job, Optional.empty());
      var plan = new IdRangePlan(1_000, 6_000, 2_500, List.of());

      // WHEN discovery stores its plan twice (the second time with another range), and batch 0 is recorded twice
      boolean first = store.markRunning(job.id(), JobPlan.ofIdRange(plan, 40));
      boolean second = store.markRunning(job.id(), JobPlan.ofIdRange(new IdRangePlan(1_000, 9_000, 2_500, List.of()), 40));
      boolean postsPlan = store.markRunning(job.id(), JobPlan.ofPosts(0, 2, 40));
      var counted = store.recordBatch(job.id(), new BatchOutcome(0, null, 7, 3_100, 7, ItemSource.CUSTOM));
      var again = store.recordBatch(job.id(), new BatchOutcome(0, null, 7, 3_100, 7, ItemSource.CUSTOM));
      var stored = store.find(job.id()).orElseThrow();

      // THEN the first plan stands, a stories plan can't replace it, and the batch's posts count once
      assertThat(first).isTrue();
      assertThat(second).isFalse();
      assertThat(postsPlan).isFalse();
      assertThat(counted).isEqualTo(JobStore.BatchRecord.COUNTED);
      assertThat(again).isEqualTo(JobStore.BatchRecord.DUPLICATE);
      assertThat(stored.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(stored.idRangePlan()).isEqualTo(plan);
      assertThat(stored.batchesTotal()).isEqualTo(2);
      assertThat(stored.postsTotal()).isEqualTo(7);
      assertThat(stored.postsDone()).isEqualTo(7);
      assertThat(store.partials(job.id())).singleElement()
          .satisfies(partial -> assertThat(partial.postsFound()).isEqualTo(7));
    }
  }

  private static DeepestThreadResult commandAnswer(TimeWindow window) {
    try (var client = new FirebaseHnClient(HnClientConfig.defaults(replica.baseUrl()))) {
      return new DeepestThreadFinder(client, ItemSource.CUSTOM, DAY_LATER).find(window, ProgressListener.NONE);
    }
  }

  private static JsonNode awaitEnd(LocalStack stack, String jobId) {
    var last = new AtomicReference<JsonNode>();
    MotoFixture.await("job " + jobId + " to end", DEADLINE, () -> {
      last.set(Json.read(send("GET", URI.create(stack.apiBaseUrl() + "/jobs/" + jobId)).body(), JsonNode.class));
      var status = last.get().path("status").asText();
      return status.equals("SUCCEEDED") || status.equals("FAILED");
    });
    return last.get();
  }

  private static HttpResponse<String> send(String method, URI url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(url).method(method, HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
