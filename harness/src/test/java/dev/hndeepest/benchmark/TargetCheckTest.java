package dev.hndeepest.benchmark;

import static dev.hndeepest.benchmark.Rows.results;
import static dev.hndeepest.benchmark.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.benchmark.TargetCheck.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetCheckTest {

  @Test
  void evaluate_shouldMeetEveryTarget_whenNumbersAreWithinTheirBounds() {
    // GIVEN 14,000 must-read items at 20 ms / 64 = 4.375 s of limit at h=24; the cold command at
    // 0.2 ms of CPU per request (2.8 s for 14,005 requests) and faster than the Go peer; the stack
    // at 1.18x and 1.16x its limit at h=168 and h=720
    var rows = List.of(
        row(Approach.BASELINE, 24, 600, 14_000, 1),
        row(Approach.COMMAND, 24, 6, 14_000, 64),
        row(Approach.COMMAND_COLD, 24, 6.5, 14_000, 64).withCpuNanos(2_801_000_000L),
        row(Approach.GO_PEER, 24, 7, 14_000, 64).withCpuNanos(1_400_000_000L),
        row(Approach.COMMAND_COLD, 48, 11, 28_000, 64).withCpuNanos(5_000_000_000L),
        row(Approach.GO_PEER, 48, 12, 28_000, 64).withCpuNanos(2_800_000_000L),
        row(Approach.JOB_STACK, 24, 8, 14_000, 256),
        row(Approach.JOB_STACK, 168, 9, 98_000, 256),
        row(Approach.JOB_STACK, 720, 38, 420_000, 256));

    // WHEN
    var outcomes = TargetCheck.evaluate(results(rows));

    // THEN
    assertThat(outcomes).hasSize(11).allSatisfy(outcome -> assertThat(outcome.verdict()).as(outcome.target())
        .isEqualTo(Verdict.MET));
  }

  @Test
  void evaluate_shouldNameWhatIsMissed_whenCommandIsSlowAndStackGrowsFasterThanItems() {
    // GIVEN a command at 2x its limit, and a stack whose time grows 6x for 4.3x the items
    var rows = List.of(
        row(Approach.BASELINE, 24, 300, 14_000, 1),
        row(Approach.COMMAND, 24, 8.75, 14_000, 64),
        row(Approach.JOB_STACK, 24, 20, 14_000, 256),
        row(Approach.JOB_STACK, 168, 40, 98_000, 256),
        row(Approach.JOB_STACK, 720, 240, 420_000, 256));

    // WHEN
    var verdicts = TargetCheck.evaluate(results(rows)).stream().map(TargetCheck.Outcome::verdict).toList();

    // THEN speedup 34x, 2.0x the limit, stack 2.3x the command, growth super-linear, the stack at
    // 5.2x and 7.3x its limit: missed; no cold command or Go peer: not run
    assertThat(verdicts).containsExactly(Verdict.MISSED, Verdict.MISSED, Verdict.MET, Verdict.MISSED, Verdict.MET,
        Verdict.MISSED, Verdict.NOT_RUN, Verdict.NOT_RUN, Verdict.NOT_RUN, Verdict.MISSED, Verdict.MISSED);
  }

  @Test
  void evaluate_shouldSayNotRun_whenTheHoursTheTargetsNeedWereNotMeasured() {
    var outcomes = TargetCheck.evaluate(results(List.of(row(Approach.COMMAND, 1, 0.5, 600, 64))));

    assertThat(outcomes).extracting(TargetCheck.Outcome::verdict).containsExactly(Verdict.NOT_RUN, Verdict.NOT_RUN,
        Verdict.MET, Verdict.NOT_RUN, Verdict.NOT_RUN, Verdict.NOT_RUN, Verdict.NOT_RUN, Verdict.NOT_RUN,
        Verdict.NOT_RUN, Verdict.NOT_RUN, Verdict.NOT_RUN);
  }

  @Test
  void evaluate_shouldJudgeTheCommandAgainstThePeerByTheMediansOfTheirPairedRuns() {
    // GIVEN single rows where the command lost (6.5 s vs 6 s) and a duel whose medians it wins
    // (5.4 s vs 5.5 s), though its slowest run (7 s) is slower than any of the peer's
    var rows = List.of(
        row(Approach.COMMAND_COLD, 24, 6.5, 14_000, 64),
        row(Approach.GO_PEER, 24, 6, 14_000, 64));
    var duel = new BenchmarkResults.PeerDuel(24,
        List.of(peerRow(Approach.COMMAND_COLD, 5.3), peerRow(Approach.COMMAND_COLD, 7), peerRow(Approach.COMMAND_COLD, 5.4)),
        List.of(peerRow(Approach.GO_PEER, 5.5), peerRow(Approach.GO_PEER, 5.6), peerRow(Approach.GO_PEER, 5.2)));

    // WHEN
    var outcome = TargetCheck.evaluate(results(rows, List.of(duel))).stream()
        .filter(o -> o.target().startsWith("command at h=24, cold process, no slower than the Go peer")).findFirst()
        .orElseThrow();

    // THEN
    assertThat(outcome.verdict()).isEqualTo(Verdict.MET);
    assertThat(outcome.measured()).startsWith("0.98x, medians of 3 paired runs (5.40 s vs 5.50 s")
        .contains("command 5.30, 7.00, 5.40 s").contains("peer 5.50, 5.60, 5.20 s");
  }

  @Test
  void evaluate_shouldMissThePeerTarget_whenTheCommandsMedianIsSlower() {
    var duel = new BenchmarkResults.PeerDuel(48,
        List.of(peerRow(Approach.COMMAND_COLD, 10.4), peerRow(Approach.COMMAND_COLD, 10.2)),
        List.of(peerRow(Approach.GO_PEER, 10), peerRow(Approach.GO_PEER, 10.2)));

    var outcome = TargetCheck.evaluate(results(List.of(), List.of(duel))).stream()
        .filter(o -> o.target().startsWith("command at h=48, cold process, no slower")).findFirst().orElseThrow();

    // medians of two runs: 10.3 s vs 10.1 s
    assertThat(outcome.verdict()).isEqualTo(Verdict.MISSED);
    assertThat(outcome.measured()).startsWith("1.02x, medians of 2 paired runs (10.30 s vs 10.10 s");
  }

  @Test
  void peerDuel_shouldRefuseUnpairedRuns() {
    assertThatThrownBy(() -> new BenchmarkResults.PeerDuel(24, List.of(peerRow(Approach.COMMAND_COLD, 5)), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static RunMeasurement peerRow(Approach approach, double seconds) {
    return row(approach, 24, seconds, 14_000, 64);
  }
}
