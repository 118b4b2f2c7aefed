package dev.hndeepest.benchmark;

import dev.hndeepest.answer.DeepestThreadFinder;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.answer.ProgressListener;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.FirebaseHnClient;
import dev.hndeepest.hn.HnClientConfig;
import dev.hndeepest.replica.HnReplicaServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs the engine behind {@code hn-deepest --hours H} in this JVM: a fresh {@link FirebaseHnClient}
 * (so an empty cache) and {@link DeepestThreadFinder} per run, exactly as the command builds them.
 */
final class CommandRunner {
  private final HnReplicaServer replica;
  private final Clock clock;
  private final int concurrency;

  CommandRunner(HnReplicaServer replica, Clock clock, int concurrency) {
    this.replica = replica;
    this.clock = clock;
    this.concurrency = concurrency;
  }

  RunMeasurement run(TimeWindow window, RequestBound bound) {
    double load = MachineLoad.now();
    replica.resetStats();
    var config = HnClientConfig.defaults(replica.baseUrl()).withMaxConcurrency(concurrency);
    var heap = HeapSampler.start();
    long cpuBefore = ProcessCpu.nanos() - replica.cpuNanos();
    long started = System.nanoTime();
    Answer answer;
    try (var client = new FirebaseHnClient(config)) {
      answer = Answer.of(new DeepestThreadFinder(client, ItemSource.CUSTOM, clock).find(window, ProgressListener.NONE));
    }
    var wall = Duration.ofNanos(System.nanoTime() - started);
    long cpu = ProcessCpu.nanos() - replica.cpuNanos() - cpuBefore;
    var peak = heap.stop();
    var stats = replica.stats();
    return new RunMeasurement(Approach.COMMAND, window.hours(), wall, stats.requests(), stats.distinctItemIds(),
        Optional.of(peak), concurrency, bound, Optional.empty(), OptionalInt.empty(), answer, load).withCpuNanos(cpu);
  }
}
