package dev.hndeepest.benchmark;

import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ReplicaOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * One benchmark: generates the data set once, serves it with the replica at a fixed latency, and
 * for each window runs the serial baseline, the command and the job stack; then checks that they
 * all gave the baseline's answer.
 */
final class Benchmark {
  private final BenchmarkSettings settings;
  private final PrintWriter log;

  Benchmark(BenchmarkSettings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  /** @throws AnswersDisagreeException when any approach answered any window differently */
  BenchmarkResults run() throws IOException {
    var started = Instant.now();
    say("generating the data set: seed %d, %d hours ending %s", settings.seed(),
        settings.largestHours() + BenchmarkDataSet.MARGIN_HOURS, settings.end());
    var data = BenchmarkDataSet.generate(settings.seed(), settings.end(), settings.largestHours());
    say("%d items, ids %d..%d", data.items().size(), data.firstId(), data.maxId());
    var clock = Clock.fixed(settings.end(), ZoneOffset.UTC);
    var rows = new ArrayList<RunMeasurement>();
    var unfinished = new ArrayList<Integer>();
    var expected = new HashMap<Integer, Answer>();
    BenchmarkResults.StackMemory memory;
    var options = ReplicaOptions.defaults().withLatency(settings.latency());
    try (var replica = HnReplicaServer.start(data.items(), options);
        var stack = JobStackRunner.start(replica, clock, settings.workers(), settings.concurrency())) {
      var command = new CommandRunner(replica, clock, settings.concurrency());
      var baseline = new BaselineRunner(replica, settings.baselineCap());
      warmUp(data, command, stack);
      for (int hours : settings.hours()) {
        var window = window(hours);
        var bound = RequestBound.of(data, window, true);
        var replay = BaselineRunner.replay(data, window);
        expected.put(hours, replay.answer());
        say("h=%d: %d posts, %d items must be read; expected %s", hours, bound.posts(), bound.mustRead(),
            replay.answer().describe());
        baseline.run(window, bound, replay).ifPresentOrElse(row -> record(rows, row), () -> unfinished.add(hours));
        record(rows, command.run(window, bound));
        record(rows, stack.run(window, bound));
        // Fail as soon as a window disagrees, not after the longer windows have run.
        AnswerAgreement.check(rows, expected);
      }
      int largest = settings.largestHours();
      say("memory pass: the job stack at h=%d again, untimed, with a full GC every %d ms", largest,
          LiveHeapProbe.EVERY.toMillis());
      memory = new BenchmarkResults.StackMemory(largest, stack.liveHeapBytes(window(largest)));
      say("memory pass: %s MB live above the idle heap", TargetCheck.megabytes(memory.liveBytes()));
    }
    return new BenchmarkResults(settings, MachineInfo.current(), data.summary(), rows, unfinished,
        Optional.of(memory), started, Instant.now());
  }

  private void warmUp(BenchmarkDataSet data, CommandRunner command, JobStackRunner stack) {
    // A minute before the timed h=1 window: the same window would be answered by the warm-up's job.
    var window = TimeWindow.endingAt(settings.end().getEpochSecond() - 60, 1);
    var bound = RequestBound.of(data, window, true);
    say("warm-up: command and job stack at h=1 (not reported)");
    command.run(window, bound);
    stack.run(window, bound);
  }

  private TimeWindow window(int hours) {
    return TimeWindow.endingAt(settings.end().getEpochSecond(), hours);
  }

  private void record(List<RunMeasurement> rows, RunMeasurement row) {
    rows.add(row);
    say("h=%d %s: %s s%s, %d requests, %d distinct items, %s", row.hours(), row.approach().label(),
        TargetCheck.seconds(row.seconds()), row.scaled() ? " (scaled)" : "", row.requests(), row.distinctItems(),
        row.answer().describe());
  }

  private void say(String format, Object... args) {
    log.printf("benchmark: " + format + "%n", args);
    log.flush();
  }
}
