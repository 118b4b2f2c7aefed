package dev.hndeepest.benchmark;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.json.Json;
import dev.hndeepest.replica.HnReplicaServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs {@code ./hn-deepest --hours H} as a user does: the launcher script in a fresh process (its
 * own JVM, its JVM flags, its class archive), against the replica; the whole process's CPU time.
 * The child's "now" is the real clock, so it finds every window by id range, never by {@code /newstories}.
 */
final class ColdCommandRunner {
  private final HnReplicaServer replica;
  private final Path root;
  private final int concurrency;

  ColdCommandRunner(HnReplicaServer replica, Path root, int concurrency) {
    this.replica = replica;
    this.root = root;
    this.concurrency = concurrency;
  }

  /** With the launcher's own JVM flags. */
  RunMeasurement run(TimeWindow window, RequestBound bound) {
    return run(window, bound, Map.of());
  }

  /** With these extra environment variables (e.g. {@code HN_DEEPEST_JVM_FLAGS} for a variant). */
  RunMeasurement run(TimeWindow window, RequestBound bound, Map<String, String> environment) {
    double load = MachineLoad.now();
    replica.resetStats();
    var command = List.of(root.resolve("hn-deepest").toString(), "--hours", Integer.toString(window.hours()),
        "--as-of", Long.toString(window.to()), "--hn-api", replica.baseUrl().toString(),
        "--concurrency", Integer.toString(concurrency), "--json", "--quiet");
    var result = ChildProcess.run(command, environment, root);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("./hn-deepest exited " + result.exitCode() + ": " + result.stderr().strip());
    }
    var stats = replica.stats();
    var answer = Answer.of(Json.read(result.stdout(), DeepestThreadResult.class));
    return new RunMeasurement(Approach.COMMAND_COLD, window.hours(), result.wall(), stats.requests(),
        stats.distinctItemIds(), Optional.empty(), concurrency, bound, Optional.empty(), OptionalInt.empty(), answer,
        load).withCpuNanos(result.cpuNanos());
  }
}
