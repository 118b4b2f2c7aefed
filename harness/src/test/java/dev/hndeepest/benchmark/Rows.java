package dev.hndeepest.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Hand-made measurements for the report and target tests. */
final class Rows {
  static final Answer ANSWER = new Answer(42L, 7, 30, List.of(43L, 44L), 12);

  private Rows() {}

  static RunMeasurement row(Approach approach, int hours, double seconds, long mustRead, int concurrency) {
    var bound = new RequestBound(12, mustRead / 2, 100, 100 + mustRead, false, mustRead);
    var cost = approach == Approach.JOB_STACK
        ? Optional.of(new StackCost(10, 11, 40, 12, 30, 4, 2_000_000_000L))
        : Optional.<StackCost>empty();
    return new RunMeasurement(approach, hours, Duration.ofMillis((long) (seconds * 1000)), mustRead + 5, mustRead,
        Optional.of(new HeapSampler.HeapPeak(50L << 20, 100L << 20, 40L << 20)), concurrency, bound, cost,
        OptionalInt.empty(), ANSWER, 0.5);
  }

  static RunMeasurement withAnswer(RunMeasurement row, Answer answer) {
    return new RunMeasurement(row.approach(), row.hours(), row.wall(), row.requests(), row.distinctItems(),
        row.heap(), row.concurrency(), row.bound(), row.stackCost(), row.scaledFromHours(), answer,
        row.loadAverage());
  }

  static BenchmarkResults results(List<RunMeasurement> rows) {
    return results(rows, List.of());
  }

  static BenchmarkResults results(List<RunMeasurement> rows, List<BenchmarkResults.PeerDuel> duels) {
    var settings = new BenchmarkSettings(Duration.ofMillis(20), 0.97, List.of(24, 168, 720), 24,
        Instant.parse("2025-06-10T12:00:00Z"), Path.of("BENCHMARKS.md"), Duration.ofSeconds(180), 64, 4, 32,
        "./hn-deepest benchmark --hours 24,168,720");
    var data = new BenchmarkDataSet.Summary(24, Instant.parse("2025-05-11T11:00:00Z"),
        Instant.parse("2025-06-10T12:00:00Z"), 400_000, 44_000_000, 44_420_000);
    return new BenchmarkResults(settings, new MachineInfo(2, 8L << 30, "test cpu", "test jdk", "test os"), data,
        rows, List.of(), Optional.of(new BenchmarkResults.StackMemory(720, 300L << 20)),
        Instant.parse("2025-06-10T13:00:00Z"), Instant.parse("2025-06-10T13:10:00Z"), List.of(),
        new BenchmarkResults.Worker(2048, "-XX:TieredStopAtLevel=1"), Optional.empty(), duels);
  }
}
