package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.hn.HnClientConfig;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.hn.RetryPolicy;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.WorkMessage;
import dev.hndeepest.job.WorkMessageCodec;
import dev.hndeepest.json.Json;
import dev.hndeepest.replica.FaultKind;
import dev.hndeepest.replica.FaultPlan;
import dev.hndeepest.replica.GeneratorSpec;
import dev.hndeepest.replica.HnDataGenerator;
import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ReplicaOptions;
import dev.hndeepest.worker.WorkerHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

// Starts a real moto_server (MotoFixture, from the project venv; the restart test starts two more)
// and HN API replicas on loopback (clean, faulty, unreachable), and runs jobs through local stacks
// with the real submit, worker and status handlers; the AWS outage tests put a TCP proxy between
// the stack and moto. Every job's answer is compared with the same job's fault-free run.
class JobFaultToleranceIT {
  private static final Instant END = Instant.parse("2025-03-01T00:00:00Z");
  private static final Clock AT_END = Clock.fixed(END, ZoneOffset.UTC);
  private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration RECEIVE_WAIT = Duration.ofSeconds(1);
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  /** The workers' HN stall timeout here (HN_STALL_SECONDS): short, so a dead HN API fails a job quickly. */
  private static final Duration HN_STALL = Duration.ofSeconds(5);
  /** The questions the tests ask, as query strings; their fault-free answers are computed first. */
  private static final List<String> WINDOWS = List.of(
      "hours=2&asOf=" + END, "hours=4&asOf=" + END.minus(Duration.ofHours(1)), "hours=6&asOf=" + END);

  private static MotoFixture moto;
  private static List<HnItem> items;
  private static HnReplicaServer cleanReplica;
  private static final Map<String, JsonNode> faultFreeResults = new LinkedHashMap<>();

  @BeforeAll
  static void computeFaultFreeAnswers() throws IOException {
    moto = MotoFixture.start();
    items = HnDataGenerator.generate(GeneratorSpec.endingAt(47, END, 8));
    cleanReplica = HnReplicaServer.start(items, replicaOptions());
    try (var stack = LocalStack.start(realHandlers(cleanReplica.baseUrl(), moto.moto.access()).build())) {
      var api = new JobApiClient(stack.apiBaseUrl());
      var jobIds = WINDOWS.stream().map(window -> api.submit(window).get("jobId").asText()).toList();
      for (int i = 0; i < WINDOWS.size(); i++) {
        var window = WINDOWS.get(i);
        var job = api.awaitEnd(jobIds.get(i), DEADLINE);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/result/storyId").isNumber()).as("the window %s has posts", window).isTrue();
        faultFreeResults.put(window, job.get("result"));
      }
    }
  }

  @AfterAll
  static void stop() {
    cleanReplica.close();
    moto.close();
  }

  private static ReplicaOptions replicaOptions() {
    return ReplicaOptions.defaults().withServedAsOf(END);
  }

  /** A stack as deployed but for a 2 s visibility timeout, so failed deliveries come back within seconds. */
  private static LocalStackOptions.Builder realHandlers(URI hnApi, EmulatorAccess emulator) {
    return moto.stack("it-fault")
        .emulator(emulator)
        .parameter("HnApiBaseUrl", hnApi.toString())
        .parameter("WorkQueueVisibilityTimeout", Long.toString(VISIBILITY_TIMEOUT.toSeconds()))
        .parameter("WorkerMaxConcurrency", "4")
        .parameter("HnStallSeconds", Long.toString(HN_STALL.toSeconds()))
        .receiveWait(RECEIVE_WAIT)
        .clock(AT_END);
  }

  private static WorkerHandler realWorker(Map<String, String> environment) {
    return new WorkerHandler(environment, AT_END);
  }

  private static void assertFaultFreeAnswer(JsonNode job, String window) {
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.at("/progress/storiesDone").asInt()).isEqualTo(job.at("/progress/storiesTotal").asInt());
    assertThat(job.get("result")).as("the answer to %s", window).isEqualTo(faultFreeResults.get(window));
  }

  /** Every batch of the job has exactly one partial item, and the job counted each batch once. */
  private static void assertEachBatchCountedOnce(LocalStack stack, String jobId) {
    var items = moto.dynamoDb.query(r -> r.tableName(stack.resources().tableName("JobsTable"))
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("JOB#" + jobId)))).items();
    var job = items.stream().filter(item -> item.get("sk").s().equals("JOB")).findFirst().orElseThrow();
    long partials = items.stream().filter(item -> item.get("sk").s().startsWith("BATCH#")).count();
    assertThat(Integer.parseInt(job.get("batchesDone").n())).isEqualTo(Integer.parseInt(job.get("batchesTotal").n()))
        .isEqualTo((int) partials).isPositive();
  }

  private static void assertQueuesDrained(LocalStack stack) {
    MotoFixture.await("the work queue to drain", DEADLINE, () -> moto.messagesIn(stack.resources().queueUrl("WorkQueue")) == 0);
    assertThat(moto.messagesIn(stack.resources().queueUrl("WorkDeadLetterQueue"))).as("dead letters").isZero();
  }

  // ---------------------------------------------------------------- the HN API misbehaves

  @Test
  void jobs_shouldGiveTheFaultFreeAnswers_whenThirtyPercentOfHnRequestsFail() throws IOException {
    // GIVEN the same data behind 30% faults: 20% 429/500/503 (half of the 429/503 with Retry-After:
    // 1 s), 4% slow answers, 3% truncated bodies, 3% dropped connections; and 2% of the items
    // denied (401) on their first request
    var faults = FaultPlan.none().withSeed(30).withErrors(0.05, 0.10, 0.05)
        .withSlow(0.04, Duration.ofMillis(300)).withTruncateRate(0.03).withDropRate(0.03).withDenyRate(0.02);
    // As deployed (visibility timeout = 6 x the worker's timeout), a message comes back only after
    // a delivery failed, not while a slowed-down one still runs.
    try (var faulty = HnReplicaServer.start(items, replicaOptions().withFaults(faults));
        var stack = LocalStack.start(realHandlers(faulty.baseUrl(), moto.moto.access())
            .parameter("WorkQueueVisibilityTimeout", "15").build())) {
      var api = new JobApiClient(stack.apiBaseUrl());

      // WHEN every question is asked at once
      var jobIds = new LinkedHashMap<String, String>();
      WINDOWS.forEach(window -> jobIds.put(window, api.submit(window).get("jobId").asText()));
      var jobs = new LinkedHashMap<String, JsonNode>();
      jobIds.forEach((window, id) -> jobs.put(window, api.awaitEnd(id, DEADLINE)));

      // THEN every job has the fault-free answer, and the faults really happened at the rate asked
      jobs.forEach((window, job) -> assertFaultFreeAnswer(job, window));
      var stats = faulty.stats();
      assertQueuesDrained(stack);
      System.out.printf("[fault suite] 30%% faults: %d HN requests, %d faulted %s; %d jobs, all SUCCEEDED with the "
          + "fault-free answer; worker %s%n", stats.requests(), stats.faults(), stats.byFault(), jobs.size(),
          stack.workerStats().orElseThrow());
      assertThat((double) stats.faults() / stats.requests()).isBetween(0.25, 0.35);
      for (var kind : FaultKind.values()) {
        assertThat(stats.faults(kind)).as("faults of kind %s", kind).isPositive();
      }
    }
  }

  /** Ways the HN API can be down for a whole job. */
  enum HnOutage {
    CONNECTIONS_REFUSED("could not connect"),
    EVERY_ANSWER_AN_ERROR("status ");

    final String reasonMentions;

    HnOutage(String reasonMentions) {
      this.reasonMentions = reasonMentions;
    }

    DownHnApi start(List<HnItem> items) throws IOException {
      if (this == CONNECTIONS_REFUSED) {
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
          // Nothing listens on the port once the probe closes: connections are refused.
          return new DownHnApi(URI.create("http://127.0.0.1:" + probe.getLocalPort() + "/v0"), () -> {});
        }
      }
      var replica = HnReplicaServer.start(items, replicaOptions()
          .withFaults(FaultPlan.none().withSeed(7).withErrors(1 / 3.0, 1 / 3.0, 1 / 3.0)));
      return new DownHnApi(replica.baseUrl(), replica::close);
    }
  }

  /** Where a down HN API is, and how to stop whatever serves it. */
  record DownHnApi(URI baseUrl, Runnable stopper) implements AutoCloseable {
    @Override
    public void close() {
      stopper.run();
    }
  }

  @ParameterizedTest
  @EnumSource(HnOutage.class)
  void job_shouldFailWithReasonWithinTheDocumentedBound_whenHnApiIsDownForTheWholeJob(HnOutage outage)
      throws IOException {
    // GIVEN an HN API that is down from before the submit to the end
    // The bound (docs/RELIABILITY.md): the last delivery starts at most (MAX_RECEIVE_COUNT - 1)
    // visibility timeouts after the first and gives up within the worker's HN client's worst case
    // for one request; each receive may wait one long poll more.
    int deliveries = MotoFixture.MAX_RECEIVE_COUNT;
    try (var down = outage.start(items);
        var stack = LocalStack.start(realHandlers(down.baseUrl(), moto.moto.access()).build())) {
      var lastDelivery = HnClientConfig.defaults(down.baseUrl())
          .withRetry(RetryPolicy.defaults().withStallTimeout(HN_STALL))
          .worstCaseGiveUp();
      var bound = VISIBILITY_TIMEOUT.multipliedBy(deliveries - 1).plus(lastDelivery)
          .plus(RECEIVE_WAIT.multipliedBy(deliveries));
      var api = new JobApiClient(stack.apiBaseUrl());
      long started = System.nanoTime();

      // WHEN
      var jobId = api.submit(WINDOWS.getFirst()).get("jobId").asText();
      var job = api.awaitEnd(jobId, bound.plusSeconds(30));
      var took = Duration.ofNanos(System.nanoTime() - started);

      // THEN it ends FAILED with a reason that names the step, the attempts and the cause, in time
      System.out.printf("[fault suite] HN API down (%s): job FAILED after %d ms (bound %d ms): %s%n",
          outage, took.toMillis(), bound.toMillis(), job.get("error").asText());
      assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("FAILED");
      assertThat(job.get("error").asText())
          .contains("discovery failed " + deliveries + " times")
          .contains(outage.reasonMentions);
      assertThat(job.has("result")).isFalse();
      assertThat(took).isLessThan(bound);
      MotoFixture.await("the discovery message in the dead-letter queue", DEADLINE,
          () -> moto.messagesIn(stack.resources().queueUrl("WorkDeadLetterQueue")) == 1);
      assertThat(moto.messagesIn(stack.resources().queueUrl("WorkQueue"))).isZero();
      assertThat(api.job(jobId).get("status").asText()).isEqualTo("FAILED");
    }
  }

  // ---------------------------------------------------------------- workers die, repeat and race

  /** Thrown where a real worker process would have died: nothing after it runs, nothing is deleted. */
  private static final class WorkerKilled extends Error {
    WorkerKilled(int handled, int delivered) {
      super("worker killed after handling " + handled + " of " + delivered + " messages");
    }
  }

  @Test
  void job_shouldCountEachBatchOnceWithTheSameAnswer_whenWorkersAreKilledMidBatch() {
    // GIVEN workers that, on a batch's first delivery, handle the first half of its messages for real
    // (their writes land, discovery's fan-out included) and die before the poller deletes anything
    var kills = new AtomicInteger();
    var options = realHandlers(cleanReplica.baseUrl(), moto.moto.access()).handler("WorkerFunction", env -> {
      var worker = realWorker(env);
      return (RequestHandler<SQSEvent, SQSBatchResponse>) (event, context) -> {
        var records = event.getRecords();
        boolean firstDelivery = records.stream()
            .allMatch(r -> "1".equals(r.getAttributes().get("ApproximateReceiveCount")));
        if (!firstDelivery) {
          return worker.handleRequest(event, context);
        }
        var half = new SQSEvent();
        half.setRecords(records.subList(0, (records.size() + 1) / 2));
        worker.handleRequest(half, context);
        kills.incrementAndGet();
        throw new WorkerKilled(half.getRecords().size(), records.size());
      };
    });
    var window = WINDOWS.get(2);
    try (var stack = LocalStack.start(options.build())) {
      var api = new JobApiClient(stack.apiBaseUrl());

      // WHEN
      var jobId = api.submit(window).get("jobId").asText();
      var job = api.awaitEnd(jobId, DEADLINE);

      // THEN every killed batch came back, counted once, and the answer did not change
      assertFaultFreeAnswer(job, window);
      assertEachBatchCountedOnce(stack, jobId);
      assertQueuesDrained(stack);
      var workerStats = stack.workerStats().orElseThrow();
      System.out.printf("[fault suite] workers killed mid-batch %d times; the job SUCCEEDED with the fault-free "
          + "answer, each batch counted once; worker %s%n", kills.get(), workerStats);
      assertThat(kills.get()).isGreaterThan(1);
      assertThat(workerStats.batchesFailed()).isGreaterThanOrEqualTo(kills.get());
    }
  }

  @Test
  void job_shouldKeepTheSameAnswer_whenEveryMessageIsDeliveredTwiceAndCompletesOutOfOrder() {
    // GIVEN workers that handle each message of a delivery separately, in reverse order, after a
    // random pause, and each one twice at the same time (a duplicate delivery racing the first)
    var window = WINDOWS.get(1);
    var handled = new AtomicInteger();
    var options = realHandlers(cleanReplica.baseUrl(), moto.moto.access())
        .handler("WorkerFunction", env -> duplicatingReorderingWorker(realWorker(env), handled));
    try (var stack = LocalStack.start(options.build()); var admin = StackAdmin.of(stack)) {
      var api = new JobApiClient(stack.apiBaseUrl());

      // WHEN the job's discovery message is also sent a second time, so its whole fan-out doubles
      var jobId = api.submit(window).get("jobId").asText();
      admin.sqs().sendMessage(r -> r.queueUrl(stack.resources().queueUrl("WorkQueue"))
          .messageBody(WorkMessageCodec.encode(new WorkMessage.DiscoverPosts(new JobId(jobId)))));
      var job = api.awaitEnd(jobId, DEADLINE);

      // THEN
      assertFaultFreeAnswer(job, window);
      assertEachBatchCountedOnce(stack, jobId);
      assertQueuesDrained(stack);
      System.out.printf("[fault suite] every message delivered twice, handled out of order: %d handlings; the job "
          + "SUCCEEDED with the fault-free answer, each batch counted once; worker %s%n",
          handled.get(), stack.workerStats().orElseThrow());
      int batches = admin.dynamoDb().getItem(r -> r.tableName(stack.resources().tableName("JobsTable"))
          .key(Map.of("pk", AttributeValue.fromS("JOB#" + jobId), "sk", AttributeValue.fromS("JOB"))))
          .item().get("batchesTotal").n().transform(Integer::parseInt);
      assertThat(handled.get()).as("two discoveries and every batch, each handled twice")
          .isGreaterThanOrEqualTo(2 * (2 + batches));
    }
  }

  private static RequestHandler<SQSEvent, SQSBatchResponse> duplicatingReorderingWorker(
      WorkerHandler worker, AtomicInteger handled) {
    return (event, context) -> {
      var records = new ArrayList<>(event.getRecords());
      Collections.reverse(records);
      var failed = ConcurrentHashMap.<String>newKeySet();
      try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        var runs = new ArrayList<Future<?>>();
        for (var record : records) {
          for (int copy = 0; copy < 2; copy++) {
            runs.add(executor.submit(() -> {
              pause(Duration.ofMillis(ThreadLocalRandom.current().nextInt(150)));
              var single = new SQSEvent();
              single.setRecords(List.of(record));
              handled.incrementAndGet();
              worker.handleRequest(single, context).getBatchItemFailures()
                  .forEach(failure -> failed.add(failure.getItemIdentifier()));
            }));
          }
        }
        for (var run : runs) {
          run.get();
        }
      } catch (Exception e) {
        throw new IllegalStateException("a message handling failed", e);
      }
      return new SQSBatchResponse(failed.stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
    };
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- the AWS emulator goes away

  /** Requests sent while AWS is away, and what each got. */
  private record OutageAnswers(List<HttpResponse<String>> responses) {
    static OutageAnswers collect(JobApiClient api, String knownJobId, Duration duration) {
      var responses = new ArrayList<HttpResponse<String>>();
      long end = System.nanoTime() + duration.toNanos();
      do {
        responses.add(api.send("POST", "/jobs?" + WINDOWS.getFirst()));
        responses.add(api.send("GET", "/jobs/" + knownJobId));
        pause(Duration.ofMillis(250));
      } while (System.nanoTime() < end || responses.size() < 4);
      return new OutageAnswers(responses);
    }

    /** Each one a 503 problem with Retry-After, and nothing that looks like a stack trace. */
    void assertAllUnavailable() {
      assertThat(responses).isNotEmpty().allSatisfy(response -> {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
            value -> assertThat(Integer.parseInt(value)).isPositive());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = Json.read(response.body(), JsonNode.class);
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("requestId").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at dev.");
      });
    }
  }

  @Test
  void jobs_shouldResumeWithTheSameAnswer_whenAwsIsUnreachableForAWhile() throws IOException {
    // GIVEN a stack whose AWS endpoint is a proxy to moto, and a slowed HN API so the job is mid-way
    var window = WINDOWS.get(2);
    try (var proxy = InterruptibleTcpProxy.start(moto.moto.endpoint());
        var slow = HnReplicaServer.start(items, replicaOptions().withLatency(Duration.ofMillis(40)));
        var stack = LocalStack.start(realHandlers(slow.baseUrl(), moto.moto.access().via(proxy.endpoint())).build())) {
      var api = new JobApiClient(stack.apiBaseUrl());
      var running = api.submit(window).get("jobId").asText();
      api.awaitStatus(running, DEADLINE, Set.of("RUNNING"));

      // WHEN AWS is unreachable for longer than two visibility timeouts, then back
      proxy.cut();
      var during = OutageAnswers.collect(api, running, VISIBILITY_TIMEOUT.multipliedBy(2));
      proxy.restore();
      var resumed = api.awaitEnd(running, DEADLINE);
      var after = api.awaitEnd(api.submit(WINDOWS.getFirst()).get("jobId").asText(), DEADLINE);

      // THEN the API said "retry later" meanwhile, the running job finished with its fault-free
      // answer and a job submitted afterwards works
      during.assertAllUnavailable();
      assertFaultFreeAnswer(resumed, window);
      assertFaultFreeAnswer(after, WINDOWS.getFirst());
      assertEachBatchCountedOnce(stack, running);
      assertQueuesDrained(stack);
      System.out.printf("[fault suite] AWS unreachable for %d s: %d requests answered 503 with Retry-After; the "
          + "running job resumed to SUCCEEDED with the fault-free answer; worker %s%n",
          VISIBILITY_TIMEOUT.multipliedBy(2).toSeconds(), during.responses().size(), stack.workerStats().orElseThrow());
    }
  }

  @Test
  void api_shouldAnswer503ThenForgetLostJobsCleanly_whenAwsEmulatorRestartsWithoutItsState() {
    // GIVEN a stack on a moto of its own, behind a proxy, with one job done and one submitted
    var prefix = "it-restart-" + UUID.randomUUID().toString().substring(0, 8);
    var first = MotoServer.start();
    MotoServer second = null;
    try (var proxy = InterruptibleTcpProxy.start(first.endpoint());
        var stack = LocalStack.start(realHandlers(cleanReplica.baseUrl(), first.access().via(proxy.endpoint()))
            .stackName(prefix).build());
        var admin = StackAdmin.of(stack)) {
      var api = new JobApiClient(stack.apiBaseUrl());
      var done = api.awaitEnd(api.submit(WINDOWS.getFirst()).get("jobId").asText(), DEADLINE);
      var lost = api.submit(WINDOWS.get(1)).get("jobId").asText();

      // WHEN the emulator stops, and a new one (empty: moto keeps state in memory only) takes its place
      first.close();
      var whileDown = OutageAnswers.collect(api, lost, Duration.ofSeconds(1));
      // Without IAM enforcement: a restarted moto forgets the roles and the credentials the running
      // functions hold (on AWS those outlive any outage); what this test takes away is the data.
      second = MotoServer.startWithoutIam();
      proxy.retarget(second.endpoint());
      var whileEmpty = OutageAnswers.collect(api, lost, Duration.ofSeconds(1));
      var recreated = LocalResources.provision(stack.resources().template(), prefix, admin.dynamoDb(), admin.sqs());

      // THEN: down or empty, the API answered 503 with Retry-After; once the resources are back,
      // jobs the emulator forgot are 404 (never a 500, never a job stuck RUNNING), new jobs succeed
      System.out.printf("[fault suite] AWS emulator restarted: %d requests while down and %d while its resources "
          + "were missing, all 503 with Retry-After%n", whileDown.responses().size(), whileEmpty.responses().size());
      assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
      whileDown.assertAllUnavailable();
      whileEmpty.assertAllUnavailable();
      assertThat(recreated.queueUrl("WorkQueue")).isEqualTo(stack.resources().queueUrl("WorkQueue"));
      for (var forgotten : List.of(done.get("jobId").asText(), lost)) {
        var response = api.send("GET", "/jobs/" + forgotten);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      }
      var fresh = api.awaitEnd(api.submit(WINDOWS.getFirst()).get("jobId").asText(), DEADLINE);
      assertFaultFreeAnswer(fresh, WINDOWS.getFirst());
    } finally {
      first.close();
      if (second != null) {
        second.close();
      }
    }
  }
}
