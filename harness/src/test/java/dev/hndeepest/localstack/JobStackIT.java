package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.answer.DeepestThreadFinder;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ProgressListener;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.FirebaseHnClient;
import dev.hndeepest.hn.HnClientConfig;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.WorkMessage;
import dev.hndeepest.job.WorkMessageCodec;
import dev.hndeepest.json.Json;
import dev.hndeepest.replica.GeneratorSpec;
import dev.hndeepest.replica.HnDataGenerator;
import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ReplicaOptions;
import dev.hndeepest.submit.SubmitJobHandler;
import dev.hndeepest.worker.WorkerHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// Starts a real moto_server (MotoServer, from the project venv) and the HN API replica, both on
// loopback, and runs whole jobs through the real submit, worker and status handlers. Bad requests:
// BadInputIT.
class JobStackIT {
  private static final Instant END = Instant.parse("2025-03-01T00:00:00Z");
  private static final Clock AT_END = Clock.fixed(END, ZoneOffset.UTC);
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static MotoFixture moto;
  private static List<HnItem> items;
  private static HnReplicaServer replica;

  @BeforeAll
  static void start() throws IOException {
    moto = MotoFixture.start();
    items = HnDataGenerator.generate(GeneratorSpec.endingAt(31, END, 10));
    replica = HnReplicaServer.start(items, ReplicaOptions.defaults().withServedAsOf(END));
  }

  @AfterAll
  static void stop() {
    replica.close();
    moto.close();
  }

  /** A stack as deployed but for a 2 s visibility timeout, so failed deliveries come back within seconds. */
  private static LocalStackOptions.Builder stackOptions(URI hnApi) {
    return moto.stack("it-job")
        .parameter("HnApiBaseUrl", hnApi.toString())
        .parameter("WorkQueueVisibilityTimeout", "2")
        .parameter("WorkerMaxConcurrency", "4")
        // A delivery gives up 5 s after its last HN success instead of 60 s: a dead replica fails a batch quickly.
        .parameter("HnStallSeconds", "5")
        .clock(AT_END);
  }

  private static LocalStack stack(URI hnApi) {
    return LocalStack.start(stackOptions(hnApi).build());
  }

  private static HttpResponse<String> send(String method, URI url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(url).method(method, HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POST /jobs, which must be accepted with the job's absolute URL on the local API as its links. */
  private static JsonNode submit(LocalStack stack, String query) {
    var response = send("POST", URI.create(stack.apiBaseUrl() + "/jobs?" + query));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    var body = Json.read(response.body(), JsonNode.class);
    var jobUrl = stack.apiBaseUrl() + "/jobs/" + body.get("jobId").asText();
    assertThat(response.headers().firstValue("Location")).hasValue(jobUrl);
    assertThat(body.at("/links/self").asText()).isEqualTo(jobUrl);
    return body;
  }

  /** Polls GET /jobs/{id} until the job is SUCCEEDED or FAILED. */
  private static JsonNode awaitEnd(LocalStack stack, String jobId) {
    var last = new AtomicReference<JsonNode>();
    MotoFixture.await("job " + jobId + " to end", DEADLINE, () -> {
      var response = send("GET", URI.create(stack.apiBaseUrl() + "/jobs/" + jobId));
      last.set(Json.read(response.body(), JsonNode.class));
      var status = last.get().path("status").asText();
      return status.equals("SUCCEEDED") || status.equals("FAILED");
    });
    return last.get();
  }

  private static DeepestThreadResult commandAnswer(TimeWindow window) {
    try (var client = new FirebaseHnClient(HnClientConfig.defaults(replica.baseUrl()))) {
      return new DeepestThreadFinder(client, ItemSource.CUSTOM, AT_END).find(window, ProgressListener.NONE);
    }
  }

  private static void assertSameAnswer(JsonNode result, DeepestThreadResult expected) {
    assertThat(expected.postId()).as("the window has posts").isNotNull();
    var actual = Json.MAPPER.convertValue(result, DeepestThreadResult.class);
    assertThat(actual.postId()).isEqualTo(expected.postId());
    assertThat(actual.depth()).isEqualTo(expected.depth());
    assertThat(actual.comments()).isEqualTo(expected.comments());
    assertThat(actual.deepestPath()).isEqualTo(expected.deepestPath());
    assertThat(actual.title()).isEqualTo(expected.title());
    assertThat(actual.postsConsidered()).isEqualTo(expected.postsConsidered());
    assertThat(actual.window()).isEqualTo(expected.window());
    assertThat(actual.deepestThread()).as("the chain, its authors and excerpts, as stored with the partial maximum")
        .hasSize(expected.depth()).isEqualTo(expected.deepestThread());
    assertThat(actual.deepestThread()).extracting(DeepestThreadResult.Comment::text).anyMatch(t -> t != null);
    assertThat(actual.source()).isEqualTo(ItemSource.CUSTOM);
    assertThat(actual.hnUrl()).isNull();
  }

  @Test
  void job_shouldSucceedWithTheCommandsAnswer_whenSubmittedOverHttp() {
    try (var stack = stack(replica.baseUrl())) {
      var submitted = submit(stack, "hours=6&asOf=" + END);

      var job = awaitEnd(stack, submitted.get("jobId").asText());

      assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
      assertThat(job.at("/progress/storiesDone").asInt()).isEqualTo(job.at("/progress/storiesTotal").asInt());
      assertSameAnswer(job.get("result"), commandAnswer(TimeWindow.endingAt(END.getEpochSecond(), 6)));
    }
  }

  @Test
  void job_shouldCountEachBatchOnce_whenEveryDeliveryArrivesTwiceAndABatchIsResent() {
    // GIVEN a worker that handles every delivery twice, as SQS's at-least-once delivery may
    var options = stackOptions(replica.baseUrl()).handler("WorkerFunction", env -> {
      var worker = new WorkerHandler(env, AT_END);
      return (RequestHandler<SQSEvent, SQSBatchResponse>) (event, context) -> {
        worker.handleRequest(event, context);
        return worker.handleRequest(event, context);
      };
    });
    try (var stack = LocalStack.start(options.build()); var admin = StackAdmin.of(stack)) {
      // WHEN a job runs, and afterwards one of its batches is sent again
      var submitted = submit(stack, "hours=4&asOf=" + END);
      var jobId = submitted.get("jobId").asText();
      var job = awaitEnd(stack, jobId);
      var resent = new WorkMessage.MeasurePosts(new JobId(jobId), 0, List.of());
      admin.sqs().sendMessage(r -> r.queueUrl(stack.resources().queueUrl("WorkQueue"))
          .messageBody(WorkMessageCodec.encode(resent)));
      MotoFixture.await("the resent batch to be consumed", DEADLINE,
          () -> moto.messagesIn(stack.resources().queueUrl("WorkQueue")) == 0);
      var after = Json.read(send("GET", URI.create(stack.apiBaseUrl() + "/jobs/" + jobId)).body(), JsonNode.class);

      // THEN every batch and story counted once, and the answer is the command's
      assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
      assertThat(job.at("/progress/storiesDone").asInt()).isEqualTo(job.at("/progress/storiesTotal").asInt());
      assertSameAnswer(job.get("result"), commandAnswer(TimeWindow.endingAt(END.getEpochSecond(), 4)));
      assertThat(after).isEqualTo(job);
    }
  }

  @Test
  void job_shouldEndFailedWithReason_whenItsBatchesKeepFailing() throws IOException {
    // GIVEN a slow HN replica that goes away once the job has been planned
    var dying = HnReplicaServer.start(items, ReplicaOptions.defaults().withServedAsOf(END)
        .withLatency(Duration.ofMillis(150)));
    try (var stack = stack(dying.baseUrl())) {
      var jobId = submit(stack, "hours=8&asOf=" + END).get("jobId").asText();
      MotoFixture.await("the job to be planned", DEADLINE, () -> Json.read(
          send("GET", URI.create(stack.apiBaseUrl() + "/jobs/" + jobId)).body(), JsonNode.class)
          .path("status").asText().equals("RUNNING"));

      // WHEN
      dying.close();
      var job = awaitEnd(stack, jobId);

      // THEN it fails with a reason instead of hanging, and the failed batch reached the DLQ
      assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("FAILED");
      assertThat(job.get("error").asText()).contains("failed " + MotoFixture.MAX_RECEIVE_COUNT + " times");
      assertThat(job.has("result")).isFalse();
      MotoFixture.await("a batch in the dead-letter queue", DEADLINE,
          () -> moto.messagesIn(stack.resources().queueUrl("WorkDeadLetterQueue")) > 0);
    }
  }

  @Test
  void job_shouldFinishAtOnce_whenWindowHasNoPost() {
    try (var stack = stack(replica.baseUrl())) {
      var asOf = END.minus(Duration.ofDays(3));

      var job = awaitEnd(stack, submit(stack, "hours=2&asOf=" + asOf).get("jobId").asText());

      assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(job.at("/result/storyId").isNull()).isTrue();
      assertThat(job.at("/result/window/to").asLong()).isEqualTo(asOf.getEpochSecond());
      assertThat(job.at("/progress/storiesTotal").asInt()).isZero();
    }
  }

  @Test
  void submitHandler_shouldWriteJobAndQueueDiscovery_whenInvokedWithTheEventFile() {
    // GIVEN the real handler on real (emulated) DynamoDB and SQS, without the HTTP bridge
    try (var stack = LocalStack.start(stackOptions(replica.baseUrl()).leaveOut("WorkerFunction").build())) {
      var resources = stack.resources();
      var handler = new SubmitJobHandler(stack.function("SubmitJobFunction").environment(), Clock.systemUTC());

      // WHEN
      var response = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/submit-job.json"), null);

      // THEN
      var jobId = Json.read(response.getBody(), JsonNode.class).get("jobId").asText();
      assertThat(response.getStatusCode()).isEqualTo(202);
      var items = moto.dynamoDb.scan(r -> r.tableName(resources.tableName("JobsTable"))).items();
      assertThat(items).singleElement().satisfies(item -> {
        assertThat(item.get("jobId").s()).isEqualTo(jobId);
        assertThat(item.get("status").s()).isEqualTo("PENDING");
        assertThat(item.get("hours").n()).isEqualTo("24");
        assertThat(item).containsKey("expiresAt");
      });
      var messages = moto.sqs.receiveMessage(r -> r.queueUrl(resources.queueUrl("WorkQueue")).maxNumberOfMessages(10))
          .messages();
      assertThat(messages).singleElement().satisfies(message ->
          assertThat(WorkMessageCodec.decode(message.body())).isEqualTo(new WorkMessage.DiscoverPosts(new JobId(jobId))));
    }
  }

  @Test
  void workerHandler_shouldReportTheMalformedMessage_whenInvokedWithTheEventFile() {
    try (var stack = LocalStack.start(stackOptions(replica.baseUrl()).leaveOut("WorkerFunction").build())) {
      var resources = stack.resources();
      var handler = new WorkerHandler(stack.function("WorkerFunction").environment(), AT_END);
      var event = EventLoader.loadSQSEvent("../events/worker-malformed-body.json");

      var response = handler.handleRequest(event, null);

      assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
          .containsExactly(event.getRecords().getFirst().getMessageId());
      assertThat(moto.dynamoDb.scan(r -> r.tableName(resources.tableName("JobsTable"))).count()).isZero();
      assertThat(moto.messagesIn(resources.queueUrl("WorkQueue"))).isZero();
    }
  }
}
