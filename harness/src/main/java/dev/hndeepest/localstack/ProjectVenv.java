package dev.hndeepest.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The project's Python virtualenv ({@code .venv}), created on first use by
 * {@code scripts/python-env.sh} from {@code requirements-dev.txt}.
 */
public final class ProjectVenv {
  private static final Duration INSTALL_DEADLINE = Duration.ofMinutes(10);

  private final RepositoryRoot root;

  public ProjectVenv(RepositoryRoot root) {
    this.root = root;
  }

  /** The path of a tool in {@code .venv/bin}, installing the venv first when the tool is missing. */
  public Path tool(String name) {
    var tool = root.resolve(".venv/bin/" + name);
    // One install at a time in this JVM, however many emulators start in parallel.
    synchronized (ProjectVenv.class) {
      if (!Files.isExecutable(tool)) {
        install();
        if (!Files.isExecutable(tool)) {
          throw new IllegalStateException(
              tool + " is still missing after installing the venv; is it in requirements-dev.txt?");
        }
      }
    }
    return tool;
  }

  private void install() {
    System.err.println("hn-deepest: installing the Python tools into " + root.resolve(".venv")
        + " (first use, about a minute)");
    Path output = null;
    try {
      output = Files.createTempFile("hn-deepest-venv-", ".log");
      var process = new ProcessBuilder("bash", "-c", "source scripts/python-env.sh")
          .directory(root.path().toFile())
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .start();
      if (!process.waitFor(INSTALL_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException("installing the venv took longer than " + INSTALL_DEADLINE);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("scripts/python-env.sh failed (exit " + process.exitValue()
            + "):\n" + Files.readString(output, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run scripts/python-env.sh in " + root.path(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing the venv", e);
    } finally {
      deleteQuietly(output);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover temp log is harmless.
    }
  }
}
