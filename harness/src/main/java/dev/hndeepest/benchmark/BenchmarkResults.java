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
    Optional<String> goPeerMissing,
    List<PeerDuel> peerDuels) {

  /** A way of running the cold command: extra environment for the launcher. */
  record Variant(String label, java.util.Map<String, String> environment) {}

  record VariantRow(Variant variant, RunMeasurement row) {}

  /**
   * The cold command and the Go peer run alternately at one window, after that window's reported
   * rows: one run of each is within run-to-run noise of the other, the medians of paired runs are not.
   */
  record PeerDuel(int hours, List<RunMeasurement> command, List<RunMeasurement> peer) {
    PeerDuel {
      command = List.copyOf(command);
      peer = List.copyOf(peer);
      if (command.isEmpty() || command.size() != peer.size()) {
        throw new IllegalArgumentException("a duel needs as many command runs as peer runs, at least one");
      }
    }

    double commandMedianSeconds() {
      return median(command);
    }

    double peerMedianSeconds() {
      return median(peer);
    }

    private static double median(List<RunMeasurement> runs) {
      var sorted = runs.stream().mapToDouble(RunMeasurement::seconds).sorted().toArray();
      int middle = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
  }

  Optional<PeerDuel> peerDuel(int hours) {
    return peerDuels.stream().filter(duel -> duel.hours() == hours).findFirst();
  }

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
