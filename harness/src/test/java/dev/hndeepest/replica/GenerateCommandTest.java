package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

  @Test
  void generate_shouldWriteTheGeneratorsItems_whenOptionsAreValid(@TempDir Path dir)
      throws Exception {
    // GIVEN the generate command and an output file
    Path out = dir.resolve("day.jsonl");
    var err = new StringWriter();
    var command = new CommandLine(new GenerateCommand()).setErr(new PrintWriter(err));

    // WHEN it runs for three hours
    int exit =
        command.execute(
            "--seed",
            "9",
            "--hours",
            "3",
            "--end",
            "2025-06-10T12:00:00Z",
            "--out",
            out.toString(),
            "--posts-per-hour",
            "40",
            "--comments-per-hour",
            "300");

    // THEN it wrote exactly what the generator makes for that spec, and said so on stderr
    var spec =
        GeneratorSpec.endingAt(9, Instant.parse("2025-06-10T12:00:00Z"), 3).withRates(40, 300);
    assertThat(exit).isZero();
    assertThat(Files.readAllBytes(out))
        .isEqualTo(ItemJsonLines.toBytes(HnDataGenerator.generate(spec)));
    assertThat(err.toString()).contains("wrote ").contains(out.toString());
  }

  @Test
  void generate_shouldAcceptEpochSecondsForEnd_whenGiven(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("hour.jsonl.gz");
    int exit =
        new CommandLine(new GenerateCommand())
            .setErr(new PrintWriter(new StringWriter()))
            .execute("--hours", "1", "--end", "1749556800", "--out", out.toString());
    assertThat(exit).isZero();
    assertThat(ItemJsonLines.read(out))
        .isEqualTo(
            HnDataGenerator.generate(
                GeneratorSpec.endingAt(1, Instant.parse("2025-06-10T12:00:00Z"), 1)));
  }

  @Test
  void generate_shouldExitWithUsageError_whenOptionsAreBad(@TempDir Path dir) {
    // GIVEN bad values WHEN run THEN exit 2 with a reason, and no file
    Path out = dir.resolve("never.jsonl");
    for (String[] args :
        new String[][] {
          {"--hours", "0", "--end", "2025-06-10T12:00:00Z", "--out", out.toString()},
          {"--hours", "2", "--end", "yesterday", "--out", out.toString()},
          {"--hours", "2", "--end", "2025-06-10T12:00:00.5Z", "--out", out.toString()},
          {
            "--hours",
            "2",
            "--end",
            "2025-06-10T12:00:00Z",
            "--out",
            out.toString(),
            "--posts-per-hour",
            "-3"
          },
          {"--hours", "2", "--out", out.toString()},
          {"--hours", "2", "--end", "2025-06-10T12:00:00Z", "--out", out.toString(), "--outlier-share", "1.5"}
        }) {
      var err = new StringWriter();
      int exit = new CommandLine(new GenerateCommand()).setErr(new PrintWriter(err)).execute(args);
      assertThat(exit).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString()).isNotBlank();
    }
    assertThat(out).doesNotExist();
  }
}
