package dev.hndeepest.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a child process and measures it as the kernel does: wall time from start to
 * exit, and user + system CPU time of it and everything it waited for (the {@code cutime} and
 * {@code cstime} of a {@code sh} that runs it, read from {@code /proc} after it exited).
 */
final class ChildProcess {
  /** Clock ticks per second of {@code /proc/PID/stat} times: USER_HZ, 100 on Linux. */
  static final long TICKS_PER_SECOND = 100;
  static final Duration DEADLINE = Duration.ofMinutes(30);

  /** What one run printed and cost. */
  record Result(int exitCode, String stdout, String stderr, Duration wall, long cpuNanos) {}

  private ChildProcess() {}

  static Result run(List<String> command, Map<String, String> environment, Path workingDir) {
    Path stat = null;
    Path out = null;
    Path err = null;
    try {
      stat = Files.createTempFile("hn-bench-stat", ".txt");
      out = Files.createTempFile("hn-bench-out", ".txt");
      err = Files.createTempFile("hn-bench-err", ".txt");
      var wrapped = new ArrayList<String>(List.of("sh", "-c",
          "\"$@\"; code=$?; cat /proc/$$/stat > \"$HN_BENCH_STAT\"; exit $code", "sh"));
      wrapped.addAll(command);
      var builder = new ProcessBuilder(wrapped).directory(workingDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(environment);
      builder.environment().put("HN_BENCH_STAT", stat.toString());
      long started = System.nanoTime();
      var process = builder.start();
      if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not end within " + DEADLINE);
      }
      var wall = Duration.ofNanos(System.nanoTime() - started);
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8), wall, childrenCpuNanos(Files.readString(stat)));
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    } finally {
      for (var file : new Path[] {stat, out, err}) {
        if (file != null) {
          file.toFile().delete();
        }
      }
    }
  }

  /** Fields 16 and 17 of {@code /proc/PID/stat} (cutime, cstime), counted after the name in brackets. */
  static long childrenCpuNanos(String stat) {
    var fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // fields[0] is field 3 (state), so field n is fields[n - 3].
    long ticks = Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
    return ticks * (1_000_000_000L / TICKS_PER_SECOND);
  }
}
