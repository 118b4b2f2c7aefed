package dev.hndeepest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped command: asks HN or a job API, and carries none of the development harness. */
class ShippedCommandTest {

  @Test
  void commandLine_shouldOfferOnlyTheJobSubcommand() {
    assertThat(HnDeepestCommand.commandLine().getSubcommands()).containsOnlyKeys("job");
  }

  @Test
  void demo_shouldBeAUsageError_whenTheHarnessIsAbsent() {
    var run = CommandRun.run("--demo", "--hours", "1");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip())
        .isEqualTo("hn-deepest: --demo needs the development harness: run ./hn-deepest from the repository (see --help)");
  }

  @Test
  void job_shouldRequireApi_whenTheHarnessIsAbsent() {
    var run = CommandRun.run("job", "--hours", "1");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("hn-deepest: --api is required: a local job stack needs the development "
        + "harness").doesNotContain("\n");
  }
}
