package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs stand-in scripts/python-env.sh files in a temporary checkout; pip is never called. */
class ProjectVenvTest {
  @TempDir
  Path checkout;

  @Test
  void tool_shouldRunTheEnvScriptOnce_whenToolIsMissing() throws IOException {
    // GIVEN an env script that installs a tool and counts its runs
    givenEnvScript("""
        echo run >> runs.txt
        mkdir -p .venv/bin && printf '#!/bin/sh\\n' > .venv/bin/moto_server && chmod +x .venv/bin/moto_server
        """);
    var venv = new ProjectVenv(RepositoryRoot.explicit(checkout));

    // WHEN asked twice
    var first = venv.tool("moto_server");
    var second = venv.tool("moto_server");

    // THEN the script ran only for the first ask
    assertThat(first).isEqualTo(second).isEqualTo(checkout.resolve(".venv/bin/moto_server"));
    assertThat(Files.readAllLines(checkout.resolve("runs.txt"))).hasSize(1);
  }

  @Test
  void tool_shouldReportScriptOutput_whenEnvScriptFails() throws IOException {
    // GIVEN
    givenEnvScript("echo 'pip: no matching distribution' >&2; return 1");
    var venv = new ProjectVenv(RepositoryRoot.explicit(checkout));

    // WHEN / THEN
    assertThatThrownBy(() -> venv.tool("moto_server"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exit 1")
        .hasMessageContaining("no matching distribution");
  }

  @Test
  void tool_shouldNameTheTool_whenScriptDoesNotInstallIt() throws IOException {
    // GIVEN
    givenEnvScript("mkdir -p .venv/bin");
    var venv = new ProjectVenv(RepositoryRoot.explicit(checkout));

    // WHEN / THEN
    assertThatThrownBy(() -> venv.tool("moto_server"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("moto_server is still missing");
  }

  private void givenEnvScript(String body) throws IOException {
    Files.createFile(checkout.resolve("mvnw"));
    Files.createFile(checkout.resolve("pom.xml"));
    Files.createDirectories(checkout.resolve("scripts"));
    Files.writeString(checkout.resolve("scripts/python-env.sh"), body);
  }
}
