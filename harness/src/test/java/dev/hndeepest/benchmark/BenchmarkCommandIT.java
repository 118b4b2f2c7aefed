package dev.hndeepest.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.harness.DevCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Runs ./hn-deepest benchmark in-process with tiny settings: it generates data, serves it with the
// HN replica on loopback and starts moto (from the project venv) for the job stack. Keeps the
// README's benchmark command from rotting; says nothing about speed.
class BenchmarkCommandIT {
  @TempDir Path dir;

  @Test
  void benchmark_shouldWriteTheTableWithAgreeingAnswers_whenRunWithTinySettings() throws IOException {
    // GIVEN
    var report = dir.resolve("BENCHMARKS.md");
    var out = new StringWriter();
    var err = new StringWriter();
    var commandLine = DevCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));

    // WHEN
    int exit = commandLine.execute("benchmark", "--hours", "1", "--latency-ms", "2", "--workers", "2",
        "--seed", "5", "--out", report.toString());

    // THEN it exits 0 (every approach gave the baseline's answer) and the report holds every row, the Go
    // peer's where Go is installed
    assertThat(exit).as(err.toString()).isZero();
    var markdown = Files.readString(report);
    assertThat(markdown)
        .contains("./hn-deepest benchmark --hours 1 --latency-ms 2 --workers 2 --seed 5 --out ")
        .contains("## Machine", "| cores | ", "| JDK | ", "| OS | ")
        .contains("| 1 | baseline (serial) | ", "| 1 | command (cold process) | ", "| 1 | command (warm, in-process) | ",
            "| 1 | job stack | ")
        .contains("CPU ms/req")
        .contains("## Targets", "command requests per distinct item at most 1.05")
        .contains("checked against the baseline's answer");
    var header = markdown.lines().filter(line -> line.startsWith("| h | approach |")).findFirst().orElseThrow();
    boolean goPeer = markdown.contains("| 1 | Go peer | ");
    assertThat(goPeer || markdown.contains("so the Go peer was not measured")).isTrue();
    assertThat(markdown.lines().filter(line -> line.startsWith("| 1 | ")))
        .hasSize(goPeer ? 5 : 4)
        .allSatisfy(row -> assertThat(row.split("\\|")).hasSameSizeAs(header.split("\\|")));
    assertThat(out.toString()).contains("| 1 | job stack | ").contains("written to " + report);
    assertThat(err.toString()).doesNotContain("FAILED");
  }

  @Test
  void benchmark_shouldRefuseWithUsageError_whenHoursAreOutOfRange() {
    var err = new StringWriter();
    var commandLine = DevCommand.commandLine();
    commandLine.setErr(new PrintWriter(err));

    int exit = commandLine.execute("benchmark", "--hours", "1,721", "--out", dir.resolve("x.md").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--hours values must be from 1 to 720");
    assertThat(dir.resolve("x.md")).doesNotExist();
  }
}
