package dev.hndeepest.benchmark;

import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.localstack.RepositoryRoot;
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
import java.util.Map;
import java.util.Optional;

/**
 * One benchmark: generates the data set once, serves it with the replica at the given latency,
 * and for each window runs the serial baseline, the command (a cold process, and warm in this
 * JVM), the Go peer and the job stack; then checks that they all gave the baseline's answer. At
 * h=24 it also runs the cold command with other JVM flags and the other HTTP client.
 */
final class Benchmark {
  static final int VARIANT_HOURS = 24;
  /** Paired runs of the cold command and the Go peer at each of {@link TargetCheck#PEER_HOURS}. */
  static final int DUEL_PAIRS = 5;

  private final BenchmarkSettings settings;
  private final PrintWriter log;

  Benchmark(BenchmarkSettings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  /** The cold command's variants at {@link #VARIANT_HOURS}: the launcher's choice against the alternatives. */
  static List<BenchmarkResults.Variant> variants() {
    return List.of(
        new BenchmarkResults.Variant("JDK defaults (C2, G1), no class archive; HttpURLConnection",
            Map.of("HN_DEEPEST_JVM_FLAGS", "")),
        new BenchmarkResults.Variant("C1 only, serial GC, no class archive; HttpURLConnection",
            Map.of("HN_DEEPEST_JVM_FLAGS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")),
        new BenchmarkResults.Variant("the launcher's flags (C1 only, serial GC, AppCDS); java.net.http",
            Map.of("JAVA_TOOL_OPTIONS", "-Dhn.httpClient=java-net-http")),
        new BenchmarkResults.Variant("the launcher's flags (C1 only, serial GC, AppCDS); HttpURLConnection on virtual threads",
            Map.of("JAVA_TOOL_OPTIONS", "-Dhn.ioThreads=virtual")),
        new BenchmarkResults.Variant("the launcher's flags (C1 only, serial GC, AppCDS); HttpURLConnection (the default), again",
            Map.of()));
  }

  /** @throws AnswersDisagreeException when any approach answered any window differently */
  BenchmarkResults run() throws IOException {
    var started = Instant.now();
    say("generating the data set: seed %d, %d hours ending %s", settings.seed(),
        settings.largestHours() + BenchmarkDataSet.MARGIN_HOURS, settings.end());
    var data = BenchmarkDataSet.generate(settings.seed(), settings.end(), settings.largestHours());
    say("%d items, ids %d..%d", data.items().size(), data.firstId(), data.maxId());
    var clock = Clock.fixed(settings.end(), ZoneOffset.UTC);
    var root = RepositoryRoot.locate().path();
    var rows = new ArrayList<RunMeasurement>();
    var variantRows = new ArrayList<BenchmarkResults.VariantRow>();
    var unfinished = new ArrayList<Integer>();
    var expected = new HashMap<Integer, Answer>();
    var noPeer = new StringBuilder();
    var duels = new ArrayList<BenchmarkResults.PeerDuel>();
    BenchmarkResults.StackMemory memory;
    BenchmarkResults.Worker worker;
    var options = ReplicaOptions.defaults().withLatency(settings.replicaLatency());
    say("replica latency: %s", settings.replicaLatency().describe());
    try (var replica = HnReplicaServer.start(data.items(), options);
        var stack = JobStackRunner.start(replica, clock, settings.workers(), settings.stackConcurrency())) {
      worker = new BenchmarkResults.Worker(stack.workerMemoryMb(), stack.workerJavaToolOptions());
      var command = new CommandRunner(replica, clock, settings.concurrency());
      var cold = new ColdCommandRunner(replica, root, settings.concurrency());
      var peer = GoPeerRunner.build(replica, root, settings.concurrency(), noPeer);
      if (peer.isEmpty()) {
        say("%s", noPeer);
      }
      var baseline = new BaselineRunner(replica, settings.baselineCap());
      warmUp(data, command, cold, peer, stack);
      for (int hours : settings.hours()) {
        var window = window(hours);
        var bound = RequestBound.of(data, window, true);
        // The child processes' "now" is the real clock: they find every window by its id range.
        var childBound = RequestBound.of(data, window, false);
        var replay = BaselineRunner.replay(data, window);
        expected.put(hours, replay.answer());
        say("h=%d: %d posts, %d items must be read (%d by id range); expected %s", hours, bound.posts(),
            bound.mustRead(), childBound.mustRead(), replay.answer().describe());
        baseline.run(window, bound, replay).ifPresentOrElse(row -> record(rows, row), () -> unfinished.add(hours));
        record(rows, cold.run(window, childBound));
        record(rows, command.run(window, bound));
        peer.ifPresent(go -> record(rows, go.run(window, childBound)));
        record(rows, stack.run(window, bound));
        // Fail as soon as a window disagrees, not after the longer windows have run.
        AnswerAgreement.check(rows, expected);
        if (TargetCheck.PEER_HOURS.contains(hours) && peer.isPresent()) {
          duels.add(duel(hours, cold, peer.get(), childBound, expected));
        }
        if (hours == VARIANT_HOURS) {
          for (var variant : variants()) {
            var row = cold.run(window, childBound, variant.environment());
            say("h=%d variant %s: %s s, %s", hours, variant.label(), TargetCheck.seconds(row.seconds()),
                TargetCheck.cpuPerRequest(row));
            AnswerAgreement.check(List.of(row), expected);
            variantRows.add(new BenchmarkResults.VariantRow(variant, row));
          }
        }
      }
      int largest = settings.largestHours();
      say("memory pass: the job stack at h=%d again, untimed, with a full GC every %d ms", largest,
          LiveHeapProbe.EVERY.toMillis());
      memory = new BenchmarkResults.StackMemory(largest, stack.liveHeapBytes(window(largest)));
      say("memory pass: %s MB live above the idle heap", TargetCheck.megabytes(memory.liveBytes()));
    }
    return new BenchmarkResults(settings, MachineInfo.current(), data.summary(), rows, unfinished,
        Optional.of(memory), started, Instant.now(), variantRows, worker,
        noPeer.isEmpty() ? Optional.empty() : Optional.of(noPeer.toString()), duels);
  }

  /** {@link #DUEL_PAIRS} runs of the cold command and the Go peer at {@code hours}, alternating, each checked. */
  private BenchmarkResults.PeerDuel duel(int hours, ColdCommandRunner cold, GoPeerRunner peer, RequestBound bound,
      Map<Integer, Answer> expected) {
    var window = window(hours);
    var command = new ArrayList<RunMeasurement>();
    var go = new ArrayList<RunMeasurement>();
    for (int pair = 0; pair < DUEL_PAIRS; pair++) {
      command.add(cold.run(window, bound));
      go.add(peer.run(window, bound));
      AnswerAgreement.check(List.of(command.getLast(), go.getLast()), expected);
    }
    var duel = new BenchmarkResults.PeerDuel(hours, command, go);
    say("h=%d duel: command %s s, Go peer %s s (medians of %d paired runs)", hours,
        TargetCheck.seconds(duel.commandMedianSeconds()), TargetCheck.seconds(duel.peerMedianSeconds()), DUEL_PAIRS);
    return duel;
  }

  /**
   * One unreported h=1 run of each, so JIT, class archive, connections and caches are as in later runs;
   * its window ends a minute before the timed h=1 one, which the job stack would answer with this job.
   */
  private void warmUp(BenchmarkDataSet data, CommandRunner command, ColdCommandRunner cold,
      Optional<GoPeerRunner> peer, JobStackRunner stack) {
    var window = TimeWindow.endingAt(settings.end().getEpochSecond() - 60, 1);
    var bound = RequestBound.of(data, window, true);
    say("warm-up: every approach at h=1 (not reported)");
    command.run(window, bound);
    cold.run(window, RequestBound.of(data, window, false));
    peer.ifPresent(go -> go.run(window, bound));
    stack.run(window, bound);
  }

  private TimeWindow window(int hours) {
    return TimeWindow.endingAt(settings.end().getEpochSecond(), hours);
  }

  private void record(List<RunMeasurement> rows, RunMeasurement row) {
    rows.add(row);
    say("h=%d %s: %s s%s, %d requests, %d distinct items, %s, %s", row.hours(), row.approach().label(),
        TargetCheck.seconds(row.seconds()), row.scaled() ? " (scaled)" : "", row.requests(), row.distinctItems(),
        TargetCheck.cpuPerRequest(row), row.answer().describe());
  }

  private void say(String format, Object... args) {
    log.printf("benchmark: " + format + "%n", args);
    log.flush();
  }
}
