package dev.hndeepest.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptSectionTest {
  @TempDir Path dir;

  @Test
  void of_shouldKeepTheMarkedSectionToTheEnd_andNothingWithoutTheMarker() throws Exception {
    var report = dir.resolve("BENCHMARKS.md");
    Files.writeString(report, "# old results\n\n" + KeptSection.MARKER + "\n## Priming\n| a |\n");
    var bare = dir.resolve("OTHER.md");
    Files.writeString(bare, "# results only\n");

    assertThat(KeptSection.of(report)).isEqualTo("\n" + KeptSection.MARKER + "\n## Priming\n| a |\n");
    assertThat(KeptSection.of(bare)).isEmpty();
    assertThat(KeptSection.of(dir.resolve("absent.md"))).isEmpty();
  }
}
