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
 * @param variants the cold command at h=24 with other JVM flags or HTTP client
 * @param worker the worker function's configuration as the template gives it
 * @param goPeerMissing why the Go peer was not measured, if it was not
 */
record BenchmarkResults(
    BenchmarkSettings settings,
    MachineInfo machine,
    BenchmarkDataSet.Summary data,
    List<RunMeasurement> rows,
    List<Integer> unfinishedBaselines,
    Optional<StackMemory> stackMemory,
    Instant started,
    Instant finished,
    List<VariantRow> variants,
    Worker worker,
    Optional<String> goPeerMissing) {

  /** A way of running the cold command: extra environment for the launcher. */
  record Variant(String label, java.util.Map<String, String> environment) {}

  record VariantRow(Variant variant, RunMeasurement row) {}

  /** The worker function's memory (MB) and JAVA_TOOL_OPTIONS in template.yaml. */
  record Worker(int memoryMb, String javaToolOptions) {}

  /** The most live heap all job stack workers held together while answering {@code hours}, above idle. */
  record StackMemory(int hours, long liveBytes) {}

  Optional<RunMeasurement> row(Approach approach, int hours) {
    return rows.stream().filter(row -> row.approach() == approach && row.hours() == hours).findFirst();
  }

  List<RunMeasurement> rows(Approach approach) {
    return rows.stream().filter(row -> row.approach() == approach).toList();
  }
}
