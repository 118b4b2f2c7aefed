package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the replica command on 127.0.0.1 with an ephemeral port, then stops it as SIGTERM would. */
class ReplicaCommandTest {

  /** The command serving on a thread of its own: its base URL, stderr and exit code to come. */
  private record Started(ReplicaCommand replica, URI baseUrl, StringWriter err, Future<Integer> exit,
      ExecutorService runner) implements AutoCloseable {
    /** Stops it as SIGTERM would; its exit code. */
    int stop() throws Exception {
      replica.stop();
      return exit.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      runner.shutdownNow();
    }
  }

  /** Starts the command with these arguments and waits for the base URL on its first stdout line. */
  private static Started start(String... args) throws IOException {
    var replica = new ReplicaCommand();
    var stdout = new PipedWriter();
    var lines = new BufferedReader(new PipedReader(stdout));
    var err = new StringWriter();
    var command =
        new CommandLine(replica).setOut(new PrintWriter(stdout, true)).setErr(new PrintWriter(err));
    var runner = Executors.newSingleThreadExecutor();
    var exit = runner.submit(() -> command.execute(args));
    return new Started(replica, URI.create(lines.readLine()), err, exit, runner);
  }

  @Test
  void replica_shouldPrintTheBaseUrlAndServe_untilStopped(@TempDir Path dir) throws Exception {
    // GIVEN a data file
    Path data = dir.resolve("site.jsonl");
    ItemJsonLines.write(data, TestItems.smallSite());

    // WHEN it starts, set to serve the data as of before the last item
    try (var started = start("--data", data.toString(), "--port", "0", "--as-of", "2600", "--latency-ms", "5",
        "--latency-sigma", "0.97")) {
      var http = new ReplicaHttp(started.baseUrl());

      // THEN the first stdout line is a base URL that serves the data as of the given instant
      assertThat(started.baseUrl().toString()).startsWith("http://127.0.0.1:").endsWith("/v0");
      assertThat(http.get("/maxitem.json").body()).isEqualTo("6");
      assertThat(http.get("/item/7.json").body()).isEqualTo("null");

      // AND stopping it ends the command cleanly with a summary
      assertThat(started.stop()).isZero();
      assertThat(started.err().toString()).contains("serving 7 items").contains("stopped after 2 requests");
    }
  }

  @Test
  void replica_shouldExitWithUsageError_whenOptionsAreBad(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.jsonl");
    Path data = dir.resolve("site.jsonl");
    ItemJsonLines.write(data, TestItems.smallSite());
    for (String[] args :
        new String[][] {
          {"--data", missing.toString(), "--port", "0"},
          {"--data", data.toString(), "--snapshot"},
          {"--data", data.toString(), "--error-rate", "1.5"},
          {"--data", data.toString(), "--error-rate", "0.6", "--drop-rate", "0.6"},
          {"--data", data.toString(), "--deny-rate", "1.5"},
          {"--data", data.toString(), "--fault-rate", "0.3", "--error-rate", "0.1"},
          {"--data", data.toString(), "--fault-rate", "2"},
          {"--data", data.toString(), "--latency-ms", "-1"},
          {"--data", data.toString(), "--latency-sigma", "-0.5"},
          {"--data", data.toString(), "--as-of", "soon"}
        }) {
      var err = new StringWriter();
      int exit = new CommandLine(new ReplicaCommand()).setErr(new PrintWriter(err)).execute(args);
      assertThat(exit).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString()).isNotBlank();
    }
  }

  @Test
  void replica_shouldExitWithOne_whenTheDataFileIsNotItems(@TempDir Path dir) throws Exception {
    // GIVEN a file that is not JSON lines of items
    Path data = dir.resolve("broken.jsonl");
    Files.writeString(data, "{\"id\": 1, \"type\": \"story\"}\nnot json\n");
    var err = new StringWriter();

    // WHEN served THEN a one-line reason naming the line, and exit 1
    int exit =
        new CommandLine(new ReplicaCommand())
            .setErr(new PrintWriter(err))
            .execute("--data", data.toString(), "--port", "0");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("line 2").doesNotContain("Exception");
  }

  @Test
  void replica_shouldFaultEveryKindAndDenyItemsOnce_whenGivenFaultAndDenyRates(@TempDir Path dir) throws Exception {
    // GIVEN every request faulted, spread over every kind (slow ones 1 ms late), and every item denied once
    Path data = dir.resolve("site.jsonl");
    ItemJsonLines.write(data, TestItems.smallSite());

    // WHEN it starts and an item is asked for
    try (var started = start("--data", data.toString(), "--port", "0", "--fault-rate", "1", "--deny-rate", "1",
        "--slow-ms", "1")) {
      int first = new ReplicaHttp(started.baseUrl()).get("/item/1.json").statusCode();

      // THEN the item's first request was denied, and the summary says what it faults
      assertThat(started.stop()).isZero();
      assertThat(first).isEqualTo(401);
      assertThat(started.err().toString()).contains("faulting 100.0% of requests and denying 100.0% of items once");
    }
  }
}
