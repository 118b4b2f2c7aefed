package dev.hndeepest.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The performance targets of issues 5 and 12, each checked against one benchmark's measurements. */
final class TargetCheck {
  static final int REFERENCE_HOURS = 24;
  static final int LONGEST_HOURS = 720;
  static final List<Integer> GROWTH_HOURS = List.of(24, 168, 720);
  static final double MIN_SPEEDUP = 50;
  static final double MAX_TIMES_LIMIT = 1.5;
  static final double MAX_REQUESTS_PER_ITEM = 1.05;
  static final double MAX_STACK_OVER_COMMAND = 2;
  static final long MAX_WORKER_HEAP_BYTES = 512L * 1024 * 1024;
  static final double MAX_COLD_CPU_MS_PER_REQUEST = 0.25;
  static final List<Integer> PEER_HOURS = List.of(24, 48);
  static final List<Integer> STACK_LIMIT_HOURS = List.of(168, 720);
  static final double MAX_STACK_TIMES_LIMIT = 1.3;

  /** Whether a target was met. */
  enum Verdict {
    MET,
    MISSED,
    /** The run did not include the hours the target is about. */
    NOT_RUN
  }

  /** One target's verdict and the numbers behind it. */
  record Outcome(String target, Verdict verdict, String measured) {}

  private TargetCheck() {}

  static List<Outcome> evaluate(BenchmarkResults results) {
    var outcomes = new ArrayList<Outcome>();
    var latency = results.settings().latency();
    var command = results.row(Approach.COMMAND, REFERENCE_HOURS);
    var baseline = results.row(Approach.BASELINE, REFERENCE_HOURS);
    var stack = results.row(Approach.JOB_STACK, REFERENCE_HOURS);

    String speedupTarget = "command at h=24 at least " + format(MIN_SPEEDUP) + "x faster than the baseline";
    if (command.isPresent() && baseline.isPresent()) {
      double speedup = baseline.get().seconds() / command.get().seconds();
      outcomes.add(new Outcome(speedupTarget, verdict(speedup >= MIN_SPEEDUP),
          format(speedup) + "x (" + seconds(baseline.get().seconds()) + " s"
              + (baseline.get().scaled() ? " scaled from h=" + baseline.get().scaledFromHours().getAsInt() : "")
              + " vs " + seconds(command.get().seconds()) + " s)"));
    } else {
      outcomes.add(new Outcome(speedupTarget, Verdict.NOT_RUN, "needs the command and the baseline at h=24"));
    }

    String limitTarget = "command at h=24 within " + format(MAX_TIMES_LIMIT) + "x of the request-bound limit";
    command.ifPresentOrElse(
        row -> outcomes.add(new Outcome(limitTarget, verdict(row.timesLimit(latency) <= MAX_TIMES_LIMIT),
            format(row.timesLimit(latency)) + "x (" + seconds(row.seconds()) + " s vs "
                + seconds(row.limit(latency)) + " s at concurrency " + row.concurrency() + ")")),
        () -> outcomes.add(new Outcome(limitTarget, Verdict.NOT_RUN, "needs the command at h=24")));

    var commandRows = results.rows(Approach.COMMAND);
    double worst = commandRows.stream().mapToDouble(RunMeasurement::requestsPerItem).max().orElse(0);
    outcomes.add(new Outcome("command requests per distinct item at most " + format(MAX_REQUESTS_PER_ITEM),
        commandRows.isEmpty() ? Verdict.NOT_RUN : verdict(worst <= MAX_REQUESTS_PER_ITEM),
        "worst " + String.format(Locale.ROOT, "%.3f", worst) + " over h=" + hoursOf(commandRows)));

    String stackTarget = "job stack at h=24 within " + format(MAX_STACK_OVER_COMMAND) + "x of the command";
    if (command.isPresent() && stack.isPresent()) {
      double ratio = stack.get().seconds() / command.get().seconds();
      outcomes.add(new Outcome(stackTarget, verdict(ratio <= MAX_STACK_OVER_COMMAND),
          format(ratio) + "x (" + seconds(stack.get().seconds()) + " s vs " + seconds(command.get().seconds()) + " s, "
              + results.settings().workers() + " workers)"));
    } else {
      outcomes.add(new Outcome(stackTarget, Verdict.NOT_RUN, "needs the command and the job stack at h=24"));
    }

    String heapTarget = "h=720 completes on the job stack, every worker under 512 MB of heap";
    var memory = results.stackMemory().filter(pass -> pass.hours() == LONGEST_HOURS);
    var longest = results.row(Approach.JOB_STACK, LONGEST_HOURS);
    if (longest.isPresent() && memory.isPresent()) {
      long live = memory.get().liveBytes();
      outcomes.add(new Outcome(heapTarget, verdict(live < MAX_WORKER_HEAP_BYTES),
          "completed in " + seconds(longest.get().seconds()) + " s; all " + results.settings().workers()
              + " workers together held at most " + megabytes(live) + " MB live above the idle heap"));
    } else {
      outcomes.add(new Outcome(heapTarget, Verdict.NOT_RUN, "needs --hours to include 720"));
    }

    outcomes.add(growth(results));
    outcomes.addAll(issue12(results));
    return outcomes;
  }

  /** The command against the peer by the medians of their paired runs; every run's time in the text. */
  static Outcome duelOutcome(String target, BenchmarkResults.PeerDuel duel) {
    double ratio = duel.commandMedianSeconds() / duel.peerMedianSeconds();
    return new Outcome(target, verdict(ratio <= 1),
        format(ratio) + "x, medians of " + duel.command().size() + " paired runs (" + seconds(duel.commandMedianSeconds())
            + " s vs " + seconds(duel.peerMedianSeconds()) + " s at concurrency "
            + duel.command().getFirst().concurrency() + "; command " + runSeconds(duel.command()) + ", peer "
            + runSeconds(duel.peer()) + ")");
  }

  private static String runSeconds(List<RunMeasurement> runs) {
    return runs.stream().map(run -> seconds(run.seconds())).collect(Collectors.joining(", ")) + " s";
  }

  /** CPU per request of the cold command, the command against the Go peer, the job stack against its limit. */
  private static List<Outcome> issue12(BenchmarkResults results) {
    var outcomes = new ArrayList<Outcome>();
    var latency = results.settings().latency();
    String cpuTarget = "command at h=24, cold process, at most " + format(MAX_COLD_CPU_MS_PER_REQUEST)
        + " ms of CPU per HN request";
    results.row(Approach.COMMAND_COLD, REFERENCE_HOURS).filter(row -> row.cpuMillisPerRequest().isPresent())
        .ifPresentOrElse(row -> outcomes.add(new Outcome(cpuTarget,
                verdict(row.cpuMillisPerRequest().getAsDouble() <= MAX_COLD_CPU_MS_PER_REQUEST),
                cpuPerRequest(row) + " (" + seconds(row.cpuNanos().getAsLong() / 1e9) + " s CPU for "
                    + row.requests() + " requests)")),
            () -> outcomes.add(new Outcome(cpuTarget, Verdict.NOT_RUN, "needs the cold command at h=24")));
    for (int hours : PEER_HOURS) {
      String target = "command at h=" + hours + ", cold process, no slower than the Go peer at equal concurrency";
      var command = results.row(Approach.COMMAND_COLD, hours);
      var peer = results.row(Approach.GO_PEER, hours);
      var duel = results.peerDuel(hours);
      if (duel.isPresent()) {
        outcomes.add(duelOutcome(target, duel.get()));
      } else if (command.isPresent() && peer.isPresent()) {
        double ratio = command.get().seconds() / peer.get().seconds();
        outcomes.add(new Outcome(target, verdict(ratio <= 1),
            format(ratio) + "x (" + seconds(command.get().seconds()) + " s vs " + seconds(peer.get().seconds())
                + " s at concurrency " + command.get().concurrency() + "; CPU " + cpuPerRequest(command.get())
                + " vs " + cpuPerRequest(peer.get()) + ")"));
      } else {
        outcomes.add(new Outcome(target, Verdict.NOT_RUN, "needs the cold command and the Go peer at h=" + hours));
      }
    }
    for (int hours : STACK_LIMIT_HOURS) {
      String target = "job stack at h=" + hours + " within " + format(MAX_STACK_TIMES_LIMIT)
          + "x of the request-bound limit at the concurrency it had";
      results.row(Approach.JOB_STACK, hours).ifPresentOrElse(
          row -> outcomes.add(new Outcome(target, verdict(row.timesLimit(latency) <= MAX_STACK_TIMES_LIMIT),
              format(row.timesLimit(latency)) + "x (" + seconds(row.seconds()) + " s vs " + seconds(row.limit(latency))
                  + " s at " + row.concurrency() + " in flight)")),
          () -> outcomes.add(new Outcome(target, Verdict.NOT_RUN, "needs the job stack at h=" + hours)));
    }
    return outcomes;
  }

  /** e.g. {@code 0.21 ms/request}, or {@code CPU not measured}. */
  static String cpuPerRequest(RunMeasurement row) {
    var perRequest = row.cpuMillisPerRequest();
    return perRequest.isPresent()
        ? String.format(Locale.ROOT, "%.3f ms CPU/request", perRequest.getAsDouble())
        : "CPU not measured";
  }

  /** Time per must-read item may not grow from one window to the next larger one (24, 168, 720). */
  private static Outcome growth(BenchmarkResults results) {
    String target = "job stack time grows no faster than linearly with item count (h=24, 168, 720)";
    var rows = GROWTH_HOURS.stream()
        .flatMap(h -> results.row(Approach.JOB_STACK, h).stream())
        .toList();
    if (rows.size() < 2) {
      return new Outcome(target, Verdict.NOT_RUN, "needs at least two of h=24, 168, 720");
    }
    boolean linear = true;
    var steps = new ArrayList<String>();
    for (int i = 1; i < rows.size(); i++) {
      var smaller = rows.get(i - 1);
      var larger = rows.get(i);
      double timeGrowth = larger.seconds() / smaller.seconds();
      double itemGrowth = (double) larger.bound().mustRead() / smaller.bound().mustRead();
      linear &= timeGrowth <= itemGrowth;
      steps.add("h=" + smaller.hours() + "->" + larger.hours() + ": time x" + format(timeGrowth)
          + " for items x" + format(itemGrowth));
    }
    return new Outcome(target, verdict(linear), String.join("; ", steps));
  }

  private static Verdict verdict(boolean met) {
    return met ? Verdict.MET : Verdict.MISSED;
  }

  private static String hoursOf(List<RunMeasurement> rows) {
    return String.join(",", rows.stream().map(row -> Integer.toString(row.hours())).toList());
  }

  static String format(double value) {
    return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  static String seconds(double seconds) {
    return String.format(Locale.ROOT, seconds >= 100 ? "%.0f" : "%.2f", seconds);
  }

  static String seconds(Duration duration) {
    return seconds(duration.toNanos() / 1e9);
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.0f", bytes / (1024.0 * 1024.0));
  }
}
