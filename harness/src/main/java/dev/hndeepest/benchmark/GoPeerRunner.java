package dev.hndeepest.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.json.Json;
import dev.hndeepest.replica.HnReplicaServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds the Go peer under {@code benchmark/peer-go} with {@code go build} and runs it as a child process. */
final class GoPeerRunner {
  private final HnReplicaServer replica;
  private final Path binary;
  private final int concurrency;

  private GoPeerRunner(HnReplicaServer replica, Path binary, int concurrency) {
    this.replica = replica;
    this.binary = binary;
    this.concurrency = concurrency;
  }

  /** The peer, built into {@code harness/target}; empty with the reason when Go is not installed or the build fails. */
  static Optional<GoPeerRunner> build(HnReplicaServer replica, Path root, int concurrency, StringBuilder whyNot) {
    var source = root.resolve("benchmark/peer-go");
    var binary = root.resolve("harness/target/hn-peer-go");
    ChildProcess.Result built;
    try {
      built = ChildProcess.run(List.of("go", "build", "-o", binary.toString(), "."), Map.of(), source);
    } catch (RuntimeException e) {
      whyNot.append("`go` could not be run (").append(e.getMessage()).append("), so the Go peer was not measured");
      return Optional.empty();
    }
    if (built.exitCode() != 0) {
      whyNot.append(built.exitCode() == 127 ? "no `go` on the PATH" : "`go build` failed: " + built.stderr().strip())
          .append(", so the Go peer was not measured");
      return Optional.empty();
    }
    return Optional.of(new GoPeerRunner(replica, binary, concurrency));
  }

  RunMeasurement run(TimeWindow window, RequestBound bound) {
    double load = MachineLoad.now();
    replica.resetStats();
    var result = ChildProcess.run(List.of(binary.toString(), "-hn-api", replica.baseUrl().toString(),
        "-hours", Integer.toString(window.hours()), "-as-of", Long.toString(window.to()),
        "-concurrency", Integer.toString(concurrency)), Map.of(), binary.getParent());
    if (result.exitCode() != 0) {
      throw new IllegalStateException("the Go peer exited " + result.exitCode() + ": " + result.stderr().strip());
    }
    var stats = replica.stats();
    var json = Json.read(result.stdout(), JsonNode.class);
    var path = new ArrayList<Long>();
    json.path("deepestPath").forEach(id -> path.add(id.asLong()));
    var answer = new Answer(
        json.path("storyId").isNull() ? null : json.path("storyId").asLong(),
        json.path("depth").isNull() ? null : json.path("depth").asInt(),
        json.path("comments").isNull() ? null : json.path("comments").asInt(),
        json.path("deepestPath").isNull() ? null : List.copyOf(path),
        json.path("storiesConsidered").asLong());
    return new RunMeasurement(Approach.GO_PEER, window.hours(), result.wall(), stats.requests(),
        stats.distinctItemIds(), Optional.empty(), concurrency, bound, Optional.empty(), OptionalInt.empty(), answer,
        load).withCpuNanos(result.cpuNanos());
  }
}
