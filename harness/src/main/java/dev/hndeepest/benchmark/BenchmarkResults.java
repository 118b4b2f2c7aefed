package dev.hndeepest.benchmark;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one benchmark measured, for the report.
 *
 * @param rows by hours, then approach
 * @param unfinishedBaselines hours whose baseline neither finished within the cap nor had a smaller
 *     finished window to scale from
 * @param stackMemory the job stack's live heap in a separate pass over the largest window
 */
record BenchmarkResults(
    BenchmarkSettings settings,
    MachineInfo machine,
    BenchmarkDataSet.Summary data,
    List<RunMeasurement> rows,
    List<Integer> unfinishedBaselines,
    Optional<StackMemory> stackMemory,
    Instant started,
    Instant finished) {

  /** The most live heap all job stack workers held together while answering {@code hours}, above idle. */
  record StackMemory(int hours, long liveBytes) {}

  Optional<RunMeasurement> row(Approach approach, int hours) {
    return rows.stream().filter(row -> row.approach() == approach && row.hours() == hours).findFirst();
  }

  List<RunMeasurement> rows(Approach approach) {
    return rows.stream().filter(row -> row.approach() == approach).toList();
  }
}
