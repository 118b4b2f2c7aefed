package dev.hndeepest.benchmark;

import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.replica.HnReplicaServer;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs the serial baseline against the replica, windows in ascending order, as long as a window
 * can finish within the cap; a window that would not (predicted from the time per request so far,
 * or cut off at the cap) gets a row scaled from the largest window that finished, by the number
 * of requests the baseline makes for each (counted by replaying it in memory).
 */
final class BaselineRunner {
  /** What the baseline does for one window, from the in-memory replay. */
  record Replay(long requests, long distinctItems, Answer answer) {}

  private record Finished(int hours, Duration wall, long requests) {}

  private final HnReplicaServer replica;
  private final Duration cap;
  private Finished largestFinished;

  BaselineRunner(HnReplicaServer replica, Duration cap) {
    this.replica = replica;
    this.cap = cap;
  }

  /** The replay of the baseline for a window: its exact requests and its answer, without latency. */
  static Replay replay(BenchmarkDataSet data, TimeWindow window) {
    var reader = data.replay();
    var result = new SerialBaseline(reader, Long.MAX_VALUE).find(window);
    return new Replay(reader.requests(), reader.distinctItems(), Answer.of(result));
  }

  /** Measures the window, or scales it; empty when nothing has finished to scale from. */
  Optional<RunMeasurement> run(TimeWindow window, RequestBound bound, Replay replay) {
    if (largestFinished != null && predicted(replay).compareTo(cap) > 0) {
      return Optional.of(scaled(window, bound, replay));
    }
    double load = MachineLoad.now();
    replica.resetStats();
    var heap = HeapSampler.start();
    long started = System.nanoTime();
    Answer answer;
    try (var reader = new SerialHttpItemReader(replica.baseUrl())) {
      answer = Answer.of(new SerialBaseline(reader, started + cap.toNanos()).find(window));
    } catch (SerialBaseline.CutOffException e) {
      heap.close();
      return largestFinished == null ? Optional.empty() : Optional.of(scaled(window, bound, replay));
    }
    var wall = Duration.ofNanos(System.nanoTime() - started);
    var peak = heap.stop();
    var stats = replica.stats();
    largestFinished = new Finished(window.hours(), wall, stats.requests());
    return Optional.of(new RunMeasurement(Approach.BASELINE, window.hours(), wall, stats.requests(),
        stats.distinctItemIds(), Optional.of(peak), 1, bound, Optional.empty(), OptionalInt.empty(), answer, load));
  }

  private Duration predicted(Replay replay) {
    return scale(largestFinished.wall(), replay.requests(), largestFinished.requests());
  }

  private RunMeasurement scaled(TimeWindow window, RequestBound bound, Replay replay) {
    return new RunMeasurement(Approach.BASELINE, window.hours(), predicted(replay), replay.requests(),
        replay.distinctItems(), Optional.empty(), 1, bound, Optional.empty(),
        OptionalInt.of(largestFinished.hours()), replay.answer(), MachineLoad.now());
  }

  private static Duration scale(Duration wall, long requests, long fromRequests) {
    return Duration.ofNanos((long) ((double) wall.toNanos() * requests / fromRequests));
  }
}
