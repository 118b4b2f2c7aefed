package dev.hndeepest.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.localstack.AwsCallCounter;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.json.Json;
import dev.hndeepest.localstack.LocalStack;
import dev.hndeepest.localstack.LocalStackOptions;
import dev.hndeepest.localstack.PollerStats;
import dev.hndeepest.replica.HnReplicaServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs whole jobs through one local stack (moto, the real submit, worker and status handlers,
 * {@code workers} queue pollers) the way a user does: POST /jobs, then GET /jobs/{id} every
 * {@link #POLL_EVERY} until SUCCEEDED. The stack is started once; its start-up is not timed.
 */
final class JobStackRunner implements AutoCloseable {
  static final Duration POLL_EVERY = Duration.ofMillis(50);
  static final Duration JOB_DEADLINE = Duration.ofMinutes(30);

  private static final Set<String> DYNAMO_READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");
  private static final Set<String> DYNAMO_WRITES =
      Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");

  private final HnReplicaServer replica;
  private final LocalStack stack;
  private final HttpClient http = HttpClient.newHttpClient();

  private JobStackRunner(HnReplicaServer replica, LocalStack stack) {
    this.replica = replica;
    this.stack = stack;
  }

  /**
   * Starts the stack as template.yaml deploys it, with the replica as its HN API, {@code workers}
   * as the event source's maximum concurrency and the worker's HN client at {@code concurrency}
   * requests in flight per message (parameters WorkerMaxConcurrency and HnConcurrency).
   */
  static JobStackRunner start(HnReplicaServer replica, Clock clock, int workers, int concurrency) {
    var options = LocalStackOptions.builder()
        .emulatorFromEnvironment(System.getenv())
        .parameter("HnApiBaseUrl", replica.baseUrl().toString())
        .parameter("HnConcurrency", Integer.toString(concurrency))
        .parameter("WorkerMaxConcurrency", Integer.toString(workers))
        .stackName("hn-deepest-bench")
        .apiPort(0)
        .receiveWait(Duration.ofSeconds(1))
        .clock(clock);
    return new JobStackRunner(replica, LocalStack.start(options.build()));
  }

  /** The worker function's memory and JAVA_TOOL_OPTIONS, as the template gives them. */
  int workerMemoryMb() {
    return stack.function("WorkerFunction").memoryMb();
  }

  String workerJavaToolOptions() {
    return stack.function("WorkerFunction").environment().getOrDefault("JAVA_TOOL_OPTIONS", "");
  }

  RunMeasurement run(TimeWindow window, RequestBound bound) {
    double load = MachineLoad.now();
    AwsCallCounter.reset();
    var deliveredBefore = stack.workerStats().map(PollerStats::messagesDelivered).orElse(0L);
    var invocationsBefore = stack.workerStats().map(PollerStats::batches).orElse(0L);
    long handlerBefore = stack.workerHandlerNanos();
    replica.resetStats();
    var heap = HeapSampler.start();
    long cpuBefore = ProcessCpu.nanos() - replica.cpuNanos();
    long started = System.nanoTime();
    var polled = awaitSuccess(submit(window));
    var job = polled.job();
    int polls = polled.polls();
    var wall = Duration.ofNanos(System.nanoTime() - started);
    long cpu = ProcessCpu.nanos() - replica.cpuNanos() - cpuBefore;
    var peak = heap.stop();
    var stats = replica.stats();
    var result = Json.MAPPER.convertValue(job.get("result"), DeepestThreadResult.class);
    var calls = AwsCallCounter.snapshot();
    var delivered = stack.workerStats().map(PollerStats::messagesDelivered).orElse(0L) - deliveredBefore;
    var invocations = stack.workerStats().map(PollerStats::batches).orElse(0L) - invocationsBefore;
    var cost = new StackCost(AwsCallCounter.sqsMessagesSent(), delivered, dynamoCalls(calls, DYNAMO_READS),
        dynamoCalls(calls, DYNAMO_WRITES), polls, invocations, stack.workerHandlerNanos() - handlerBefore);
    return new RunMeasurement(Approach.JOB_STACK, window.hours(), wall, stats.requests(), stats.distinctItemIds(),
        Optional.of(peak), stats.maxInFlight(), bound, Optional.of(cost), OptionalInt.empty(), Answer.of(result),
        load).withCpuNanos(cpu);
  }

  /**
   * Runs a job of the window once more, untimed, under a {@link LiveHeapProbe}: the most live heap all
   * workers (and the API) held together, above the idle heap. The window ends a second earlier, since
   * the same window would be answered by the job already done.
   */
  long liveHeapBytes(TimeWindow window) {
    try (var probe = LiveHeapProbe.start()) {
      awaitSuccess(submit(TimeWindow.endingAt(window.to() - 1, window.hours())));
      return probe.stop();
    }
  }

  private URI submit(TimeWindow window) {
    var url = URI.create(stack.apiBaseUrl() + "/jobs?hours=" + window.hours() + "&asOf=" + window.to());
    var response = send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.noBody()).build());
    if (response.statusCode() != 202) {
      throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    var location = response.headers().firstValue("Location")
        .orElseThrow(() -> new IllegalStateException("POST " + url + " answered 202 without a Location"));
    return url.resolve(location);
  }

  /** The job as the poll that saw it SUCCEEDED answered, and how many polls that took. */
  private record Polled(JsonNode job, int polls) {}

  private Polled awaitSuccess(URI jobUrl) {
    var deadline = Instant.now().plus(JOB_DEADLINE);
    for (int polls = 1; ; polls++) {
      var job = Json.read(get(jobUrl).body(), JsonNode.class);
      var status = job.path("status").asText();
      if (status.equals("SUCCEEDED")) {
        return new Polled(job, polls);
      }
      if (!status.equals("PENDING") && !status.equals("RUNNING")) {
        throw new IllegalStateException("job " + jobUrl + " ended " + status + ": " + job.path("error").asText());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("job " + jobUrl + " did not finish within " + JOB_DEADLINE);
      }
      pause();
    }
  }

  private HttpResponse<String> get(URI url) {
    return send(HttpRequest.newBuilder(url).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_EVERY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while polling a job", e);
    }
  }

  private static long dynamoCalls(Map<String, Long> calls, Set<String> operations) {
    return calls.entrySet().stream()
        .filter(call -> call.getKey().startsWith("DynamoDb.")
            && operations.contains(call.getKey().substring("DynamoDb.".length())))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  @Override
  public void close() {
    http.close();
    stack.close();
  }
}
