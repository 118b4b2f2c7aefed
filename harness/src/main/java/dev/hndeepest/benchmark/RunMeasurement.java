package dev.hndeepest.benchmark;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One row of the table: one approach answering one window.
 *
 * @param wall from the first request to the answer (the job stack: from POST to the poll that saw
 *     SUCCEEDED)
 * @param requests HN requests counted at the replica (a scaled baseline: counted by a replay)
 * @param distinctItems distinct item ids requested
 * @param heap peaks above the idle heap; empty for a scaled row
 * @param concurrency requests in flight the limit divides by: the configured bound (the job stack:
 *     the most the replica saw at once, at most workers × the configured bound)
 * @param scaledFromHours present when the wall time is scaled from the baseline at these hours
 * @param loadAverage the machine's one-minute load average when the run started
 * @param cpuNanos user + system CPU time of the run (see {@link Approach}); empty when not measured
 * @param stackCost the job stack's counted AWS calls
 */
record RunMeasurement(
    Approach approach,
    int hours,
    Duration wall,
    long requests,
    long distinctItems,
    Optional<HeapSampler.HeapPeak> heap,
    int concurrency,
    RequestBound bound,
    Optional<StackCost> stackCost,
    OptionalInt scaledFromHours,
    Answer answer,
    double loadAverage,
    OptionalLong cpuNanos) {

  RunMeasurement(Approach approach, int hours, Duration wall, long requests, long distinctItems,
      Optional<HeapSampler.HeapPeak> heap, int concurrency, RequestBound bound, Optional<StackCost> stackCost,
      OptionalInt scaledFromHours, Answer answer, double loadAverage) {
    this(approach, hours, wall, requests, distinctItems, heap, concurrency, bound, stackCost, scaledFromHours, answer,
        loadAverage, OptionalLong.empty());
  }

  RunMeasurement withCpuNanos(long nanos) {
    return new RunMeasurement(approach, hours, wall, requests, distinctItems, heap, concurrency, bound, stackCost,
        scaledFromHours, answer, loadAverage, OptionalLong.of(nanos));
  }

  /** CPU milliseconds per HN request, when CPU was measured. */
  OptionalDouble cpuMillisPerRequest() {
    return cpuNanos.isPresent() && requests > 0
        ? OptionalDouble.of(cpuNanos.getAsLong() / 1e6 / requests)
        : OptionalDouble.empty();
  }

  double seconds() {
    return wall.toNanos() / 1e9;
  }

  double requestsPerItem() {
    return distinctItems == 0 ? 0 : (double) requests / distinctItems;
  }

  Duration limit(Duration latency) {
    return bound.limit(latency, concurrency);
  }

  /** Wall time as a multiple of the request-bound limit. */
  double timesLimit(Duration latency) {
    long limit = limit(latency).toNanos();
    return limit == 0 ? 0 : (double) wall.toNanos() / limit;
  }

  boolean scaled() {
    return scaledFromHours.isPresent();
  }
}
