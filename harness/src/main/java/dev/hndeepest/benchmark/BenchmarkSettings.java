package dev.hndeepest.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one benchmark run measures.
 *
 * @param latency the replica's mean delay before every answer
 * @param latencySigma the delay's lognormal shape; 0 for a fixed delay
 * @param hours the windows, ascending and distinct
 * @param seed the data generator's seed
 * @param end the data set's end: every window ends here, and "now" is this instant
 * @param out where BENCHMARKS.md is written
 * @param baselineCap the longest one baseline run may take before it is scaled instead
 * @param concurrency HN requests in flight for the command, and per worker invocation on the job stack
 * @param workers queue pollers of the job stack
 * @param stackConcurrency HN requests in flight per job stack worker invocation (HnConcurrency)
 * @param commandLine the command as typed, for the report
 */
record BenchmarkSettings(
    Duration latency,
    double latencySigma,
    List<Integer> hours,
    long seed,
    Instant end,
    Path out,
    Duration baselineCap,
    int concurrency,
    int workers,
    int stackConcurrency,
    String commandLine) {

  BenchmarkSettings {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(baselineCap, "baselineCap");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("--latency-ms must not be negative, got " + latency.toMillis());
    }
    if (hours == null || hours.isEmpty()) {
      throw new IllegalArgumentException("--hours needs at least one value");
    }
    for (int h : hours) {
      if (h < 1 || h > 720) {
        throw new IllegalArgumentException("--hours values must be from 1 to 720, got " + h);
      }
    }
    hours = hours.stream().distinct().sorted().toList();
    if (baselineCap.isNegative() || baselineCap.isZero()) {
      throw new IllegalArgumentException("--baseline-max-seconds must be positive");
    }
    if (concurrency < 1 || concurrency > 1024) {
      throw new IllegalArgumentException("--concurrency must be from 1 to 1024, got " + concurrency);
    }
    if (stackConcurrency < 1 || stackConcurrency > 256) {
      throw new IllegalArgumentException("--stack-concurrency must be from 1 to 256 (the template's HnConcurrency), got "
          + stackConcurrency);
    }
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("--workers must be from 1 to 64, got " + workers);
    }
    if (end.getNano() != 0) {
      throw new IllegalArgumentException("--end must be a whole second, got " + end);
    }
  }

  /** The replica's latency model. */
  dev.hndeepest.replica.Latency replicaLatency() {
    return new dev.hndeepest.replica.Latency(latency, latencySigma);
  }

  int largestHours() {
    return hours.getLast();
  }
}
