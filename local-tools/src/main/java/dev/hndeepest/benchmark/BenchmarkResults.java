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
 */
record BenchmarkResults(
    BenchmarkSettings settings,
    MachineInfo machine,
    BenchmarkDataSet.Summary data,
    List<RunMeasurement> rows,
    List<Integer> unfinishedBaselines,
    Instant started,
    Instant finished) {

  Optional<RunMeasurement> row(Approach approach, int hours) {
    return rows.stream().filter(row -> row.approach() == approach && row.hours() == hours).findFirst();
  }

  List<RunMeasurement> rows(Approach approach) {
    return rows.stream().filter(row -> row.approach() == approach).toList();
  }
}
