package dev.hndeepest.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherVerdictTest {

  private static BenchmarkResults.VariantRow variant(String label, Map<String, String> environment, long cpuMillis) {
    var row = Rows.row(Approach.COMMAND_COLD, 24, 6.0, 14_000, 64).withCpuNanos(cpuMillis * 1_000_000);
    return new BenchmarkResults.VariantRow(new BenchmarkResults.Variant(label, environment), row);
  }

  @Test
  void launcherVerdict_shouldSayTheLauncherWon_whenItsRunUsedTheLeastCpu() {
    var rows = List.of(variant("JDK defaults", Map.of("HN_DEEPEST_JVM_FLAGS", ""), 6_000),
        variant("the launcher's", Map.of(), 2_800));

    assertThat(BenchmarkReport.launcherVerdict(rows)).isEqualTo("The launcher's choice used the least CPU per request.");
  }

  @Test
  void launcherVerdict_shouldNameTheCheaperVariant_whenTheLauncherLost() {
    var rows = List.of(variant("virtual threads", Map.of("JAVA_TOOL_OPTIONS", "-Dhn.ioThreads=virtual"), 2_500),
        variant("the launcher's", Map.of(), 2_800));

    assertThat(BenchmarkReport.launcherVerdict(rows)).contains("\"virtual threads\" used less CPU per request");
  }
}
