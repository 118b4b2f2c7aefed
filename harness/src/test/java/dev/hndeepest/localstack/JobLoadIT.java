package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.answer.DeepestThreadFinder;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ProgressListener;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.FirebaseHnClient;
import dev.hndeepest.hn.HnClientConfig;
import dev.hndeepest.json.Json;
import dev.hndeepest.replica.GeneratorSpec;
import dev.hndeepest.replica.HnDataGenerator;
import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ReplicaOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

// Starts a real moto_server (MotoFixture, from the project venv), the HN API replica on loopback
// with a small generated data set, and one local stack with the real handlers; submits 200 jobs at
// once over loopback HTTP and waits for every one of them to finish.
class JobLoadIT {
  private static final int JOBS = 200;
  private static final Instant END = Instant.parse("2025-03-01T00:00:00Z");
  private static final Clock AT_END = Clock.fixed(END, ZoneOffset.UTC);
  /** Generous bounds that only catch a hang; the figures are printed, not asserted. */
  private static final Duration SUBMIT_DEADLINE = Duration.ofSeconds(60);
  private static final Duration DRAIN_DEADLINE = Duration.ofMinutes(3);
  private static final int POLLERS = 16;
  private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration DRAIN_MARGIN = Duration.ofSeconds(60);

  /** One submit as the client saw it. */
  private record Submitted(String query, int status, String jobId, long latencyNanos) {}

  @Test
  void jobs_shouldAllBeAcceptedAndFinishOnceEach_whenTwoHundredAreSubmittedAtOnce() throws Exception {
    // GIVEN a small HN (8 posts and 40 comments an hour, ids from 1,000,000) and 200 one-hour
    // questions spread over it
    var items = HnDataGenerator.generate(GeneratorSpec.endingAt(200, END, 4).withRates(8, 40)
        .withFirstId(1_000_000));
    var queries = new ArrayList<String>();
    for (int i = 0; i < JOBS; i++) {
      queries.add("hours=1&asOf=" + END.minus(Duration.ofMinutes(i)));
    }
    try (var moto = MotoFixture.start();
        var replica = HnReplicaServer.start(items, ReplicaOptions.defaults().withServedAsOf(END));
        var stack = LocalStack.start(moto.stack("it-load")
            .parameter("HnApiBaseUrl", replica.baseUrl().toString())
            .parameter("WorkQueueVisibilityTimeout", Long.toString(VISIBILITY_TIMEOUT.toSeconds()))
            .parameter("WorkerMaxConcurrency", "8")
            .clock(AT_END).build())) {
      var api = new JobApiClient(stack.apiBaseUrl());
      var callsBefore = AwsCallCounter.snapshot();

      // WHEN every job is submitted at the same moment, then polled until each one has ended
      long started = System.nanoTime();
      var submitted = submitAllAtOnce(api, queries);
      long allAccepted = System.nanoTime();
      var ended = awaitAllEnded(api, submitted.stream().map(Submitted::jobId).toList());
      long drained = System.nanoTime();

      // THEN all were accepted with distinct ids and all SUCCEEDED
      assertThat(submitted).allSatisfy(s -> assertThat(s.status()).as(s.query()).isEqualTo(202));
      var ids = submitted.stream().map(Submitted::jobId).collect(Collectors.toSet());
      assertThat(ids).hasSize(JOBS);
      assertThat(ended.values()).allSatisfy(job -> {
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.at("/progress/storiesDone").asInt()).isEqualTo(job.at("/progress/storiesTotal").asInt());
      });
      // AND the table holds exactly these jobs, each with one partial per batch: none lost, none twice
      assertTableHoldsExactly(moto, stack, ids);
      // A job succeeds on its last batch's write, a moment before the poller deletes that message; and
      // under this load moto sometimes leaves a received batch in flight that no poller got (seen: 5
      // messages, all 400 delivered and deleted once), which SQS hands out again after the visibility
      // timeout, to be counted as duplicates. The queue must drain within that.
      MotoFixture.await("the work queue to drain", VISIBILITY_TIMEOUT.plus(DRAIN_MARGIN),
          () -> moto.messagesIn(stack.resources().queueUrl("WorkQueue")) == 0,
          () -> "worker " + stack.workerStats().orElseThrow() + ", queue " + moto.queueCounts(
              stack.resources().queueUrl("WorkQueue")));
      assertThat(moto.messagesIn(stack.resources().queueUrl("WorkDeadLetterQueue"))).isZero();
      // AND a sample of answers equals the command's answer to the same question
      try (var client = new FirebaseHnClient(HnClientConfig.defaults(replica.baseUrl()))) {
        var finder = new DeepestThreadFinder(client, ItemSource.CUSTOM, AT_END);
        for (var sample : List.of(submitted.getFirst(), submitted.get(JOBS / 2), submitted.getLast())) {
          var asOf = Instant.parse(sample.query().substring(sample.query().indexOf("asOf=") + 5));
          var expected = finder.find(TimeWindow.endingAt(asOf.getEpochSecond(), 1), ProgressListener.NONE);
          assertThat(expected.postId()).as("a post in the hour before %s", asOf).isNotNull();
          var actual = Json.MAPPER.convertValue(ended.get(sample.jobId()).get("result"), DeepestThreadResult.class);
          assertThat(actual.postId()).isEqualTo(expected.postId());
          assertThat(actual.depth()).isEqualTo(expected.depth());
          assertThat(actual.deepestPath()).isEqualTo(expected.deepestPath());
        }
      }

      report(submitted, allAccepted - started, drained - started, ended, stack, callsBefore, replica);
    }
  }

  private static List<Submitted> submitAllAtOnce(JobApiClient api, List<String> queries) throws Exception {
    var go = new CountDownLatch(1);
    var futures = new ArrayList<Future<Submitted>>();
    try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (var query : queries) {
        futures.add(clients.submit(() -> {
          go.await();
          long sent = System.nanoTime();
          var response = api.send("POST", "/jobs?" + query);
          long latency = System.nanoTime() - sent;
          var jobId = response.statusCode() == 202
              ? Json.read(response.body(), JsonNode.class).get("jobId").asText() : null;
          return new Submitted(query, response.statusCode(), jobId, latency);
        }));
      }
      go.countDown();
      var results = new ArrayList<Submitted>();
      long deadline = System.nanoTime() + SUBMIT_DEADLINE.toNanos();
      for (var future : futures) {
        results.add(future.get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS));
      }
      return results;
    }
  }

  /** Polls every unfinished job, {@value #POLLERS} at a time, until all have ended. */
  private static Map<String, JsonNode> awaitAllEnded(JobApiClient api, List<String> jobIds) {
    var ended = new ConcurrentHashMap<String, JsonNode>();
    MotoFixture.await("all " + jobIds.size() + " jobs to end", DRAIN_DEADLINE, () -> {
      var open = jobIds.stream().filter(id -> !ended.containsKey(id)).toList();
      try (var pollers = Executors.newFixedThreadPool(POLLERS, Thread.ofVirtual().factory())) {
        for (var id : open) {
          pollers.submit(() -> {
            var job = api.job(id);
            if (JobApiClient.TERMINAL.contains(job.get("status").asText())) {
              ended.put(id, job);
            }
          });
        }
      }
      if (ended.size() < jobIds.size()) {
        sleep(Duration.ofMillis(250));
      }
      return ended.size() == jobIds.size();
    });
    return ended;
  }

  private static void assertTableHoldsExactly(MotoFixture moto, LocalStack stack, Set<String> ids) {
    var items = moto.dynamoDb.scanPaginator(r -> r.tableName(stack.resources().tableName("JobsTable"))).items().stream()
        .toList();
    var jobs = items.stream().filter(item -> item.get("sk").s().equals("JOB")).toList();
    assertThat(jobs).extracting(item -> item.get("jobId").s()).containsExactlyInAnyOrderElementsOf(ids);
    var partialsPerJob = items.stream().filter(item -> item.get("sk").s().startsWith("BATCH#"))
        .collect(Collectors.groupingBy(item -> item.get("pk").s(), Collectors.counting()));
    for (var job : jobs) {
      long batches = Long.parseLong(job.get("batchesTotal").n());
      assertThat(Long.parseLong(job.get("batchesDone").n())).isEqualTo(batches);
      assertThat(partialsPerJob.getOrDefault(job.get("pk").s(), 0L)).as(job.get("pk").s()).isEqualTo(batches);
    }
  }

  private static void report(List<Submitted> submitted, long acceptNanos, long drainNanos, Map<String, JsonNode> ended,
      LocalStack stack, Map<String, Long> callsBefore, HnReplicaServer replica) {
    var latencies = new ArrayList<Long>(submitted.stream().map(Submitted::latencyNanos).toList());
    Collections.sort(latencies);
    long stories = ended.values().stream().mapToLong(job -> job.at("/progress/storiesTotal").asLong()).sum();
    var calls = new HashMap<String, Long>();
    AwsCallCounter.snapshot().forEach((operation, count) ->
        calls.put(operation, count - callsBefore.getOrDefault(operation, 0L)));
    System.out.printf("[load] %d jobs submitted at once: all accepted in %d ms; submit latency p50 %d ms, p95 %d ms, "
            + "p99 %d ms, max %d ms; all %d SUCCEEDED %d ms after the first submit (%.1f jobs/s); %d posts "
            + "measured; none lost or counted twice%n",
        submitted.size(), millis(acceptNanos), millis(percentile(latencies, 50)), millis(percentile(latencies, 95)),
        millis(percentile(latencies, 99)), millis(latencies.getLast()), ended.size(), millis(drainNanos),
        ended.size() / (drainNanos / 1e9), stories);
    System.out.printf("[load] worker %s; HN requests %d; AWS calls %s%n", stack.workerStats().orElseThrow(),
        replica.stats().requests(), calls.entrySet().stream().filter(e -> e.getValue() > 0)
            .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(List<Long> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static long millis(long nanos) {
    return Duration.ofNanos(nanos).toMillis();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
