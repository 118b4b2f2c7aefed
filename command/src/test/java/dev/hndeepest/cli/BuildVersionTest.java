package dev.hndeepest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildVersionTest {

  private static Properties build(String version, String commit, String dirty, String time) {
    var build = new Properties();
    build.setProperty("version", version);
    build.setProperty("commit", commit);
    build.setProperty("dirty", dirty);
    build.setProperty("commitTime", time);
    return build;
  }

  @Test
  void version_shouldNameTheVersionAndTheCommitOfThisBuild() {
    var run = CommandRun.run("--version");

    assertThat(run.exit()).isZero();
    // The build fills the file from git: a 12-digit commit, not the placeholder.
    assertThat(run.out()).matches("hn-deepest \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{12}, .*\\)\\s*");
  }

  @Test
  void line_shouldSayUnknown_whenTheBuildHadNoGit() {
    var line = BuildVersion.line(build("1.0.0", "${git.commit.id.abbrev}", "${git.dirty}", "${git.commit.time}"));

    assertThat(line).isEqualTo("hn-deepest 1.0.0 (commit unknown)");
  }

  @Test
  void line_shouldSayLocalChanges_whenBuiltFromADirtyTree() {
    var line = BuildVersion.line(build("1.0.0", "0123456789ab", "true", "2025-06-10T12:00:00Z"));

    assertThat(line).isEqualTo("hn-deepest 1.0.0 (commit 0123456789ab, 2025-06-10T12:00:00Z, with local changes)");
  }
}
