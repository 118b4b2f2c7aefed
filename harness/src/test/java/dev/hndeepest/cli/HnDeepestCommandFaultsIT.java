package dev.hndeepest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.concurrent.FanOut;
import dev.hndeepest.hn.HnClientConfig;
import dev.hndeepest.json.Json;
import dev.hndeepest.replica.FaultKind;
import dev.hndeepest.replica.FaultPlan;
import dev.hndeepest.replica.GeneratorSpec;
import dev.hndeepest.replica.HnDataGenerator;
import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ReplicaOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command against the live API's bad habits (PRODUCT.md §5, §6): the HN API replica on
 * loopback with 30% faults of every kind plus 2% transient denials, compared with
 * {@link BruteForceOracle}; and an HN API that is down, against the command as a whole process
 * (the shipped jar, command/target/hn-deepest.jar, that its module's package phase built).
 */
class HnDeepestCommandFaultsIT {
  private static final Instant END = Instant.parse("2025-03-01T00:00:00Z");
  /** (hours, seconds before the data's end) of the windows asked. */
  private static final List<long[]> WINDOWS =
      List.of(new long[] {1, 0}, new long[] {6, 0}, new long[] {24, 0}, new long[] {3, 7_200}, new long[] {12, 20_000});

  @TempDir static Path dir;
  private static Path data;
  private static BruteForceOracle oracle;

  @BeforeAll
  static void generate() throws IOException {
    data = dir.resolve("items.jsonl");
    new HnDataGenerator(GeneratorSpec.endingAt(4242, END, 30)).writeTo(data);
    oracle = new BruteForceOracle(data);
  }

  @Test
  void json_shouldMatchTheFaultFreeAnswer_onEveryWindow_whenThirtyPercentOfRequestsFailAndItemsAreDenied()
      throws IOException {
    // GIVEN 30% of the requests faulted, evenly over 429, 500, 503 (half of those with Retry-After:
    // 1 s), slow (300 ms), truncated and dropped; and 2% of the items denied (401) once
    var faults = FaultPlan.none().withSeed(77).withSlow(0, Duration.ofMillis(300)).withEveryKind(0.3)
        .withDenyRate(0.02);
    try (var replica = HnReplicaServer.start(data, ReplicaOptions.defaults().withFaults(faults), 0)) {
      // WHEN every window is asked at once (each its own run: its own client, cache and stall clock)
      var runs = FanOut.map(WINDOWS, window -> HnDeepestCommandIT.run("--hours", Long.toString(window[0]),
          "--as-of", Long.toString(END.getEpochSecond() - window[1]), "--hn-api", replica.baseUrl().toString(),
          "--json", "--quiet"));

      // THEN each is the answer of the brute-force oracle, which reads the data file without faults
      for (int i = 0; i < WINDOWS.size(); i++) {
        long hours = WINDOWS.get(i)[0];
        long asOf = END.getEpochSecond() - WINDOWS.get(i)[1];
        var run = runs.get(i);
        assertThat(run.exit()).as("%d h ending %d: %s", hours, asOf, run.err()).isZero();
        oracle.answer(asOf - hours * 3600L, asOf)
            .assertAnsweredBy(Json.read(run.out(), JsonNode.class), hours + " h ending " + asOf);
      }

      // AND the faults really happened, every kind of them, at about the rate asked
      var stats = replica.stats();
      System.out.printf("[command faults] %d windows, %d HN requests, %d faulted %s%n", WINDOWS.size(),
          stats.requests(), stats.faults(), stats.byFault());
      assertThat((double) stats.faults() / stats.requests()).isBetween(0.28, 0.36);
      for (var kind : FaultKind.values()) {
        assertThat(stats.faults(kind)).as("faults of kind %s", kind).isPositive();
      }
    }
  }

  /** Ways the HN API can be down for a whole run. */
  enum Outage {
    CONNECTIONS_REFUSED,
    EVERY_ANSWER_AN_ERROR
  }

  @ParameterizedTest
  @EnumSource(Outage.class)
  void process_shouldExit1WithOneClearLineWithinTheStallBound_whenTheHnApiIsDown(Outage outage) throws Exception {
    // GIVEN an HN API that never answers, and a stall timeout of 2 s
    var faults = FaultPlan.none().withSeed(3).withErrors(1 / 3.0, 1 / 3.0, 1 / 3.0);
    try (var errors = HnReplicaServer.start(data, ReplicaOptions.defaults().withFaults(faults), 0)) {
      URI hnApi = outage == Outage.CONNECTIONS_REFUSED ? refusingUrl() : errors.baseUrl();
      var bound = HnClientConfig.defaults(hnApi).withStallTimeout(Duration.ofSeconds(2)).worstCaseGiveUp();

      // WHEN the command runs as a process of its own
      long started = System.nanoTime();
      var run = runJar("--hours", "24", "--as-of", END.toString(), "--hn-api", hnApi.toString(),
          "--stall-seconds", "2");
      var took = Duration.ofNanos(System.nanoTime() - started);

      // THEN exit 1, stdout empty, and stderr one line: the command's own, naming the stall and
      // the last failure; no log line before it, no stack trace; never before the stall timeout,
      // and within its bound (plus the JVM's start)
      System.out.printf("[command faults] HN API down (%s): exit %d after %d ms (bound %d ms + start): %s",
          outage, run.exit(), took.toMillis(), bound.toMillis(), run.err());
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
          .startsWith("hn-deepest: the HN API at " + hnApi + " cannot be reached or keeps failing: ")
          .contains("no HN request has succeeded for 2 s")
          .contains(outage == Outage.CONNECTIONS_REFUSED ? "ConnectException" : "status ")
          .doesNotContain("\tat "));
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(bound.plusSeconds(20));
    }
  }

  @Test
  void jobProcess_shouldExit1WithOneClearLine_whenTheJobApiIsDown() throws Exception {
    // GIVEN a job API that refuses connections
    var jobApi = refusingUrl().resolve("/");

    // WHEN the job command runs as a process of its own
    var run = runJar("job", "--api", jobApi.toString(), "--hours", "2", "--stall-seconds", "1");

    // THEN exit 1 and its own one line, nothing logged before it
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).singleElement().asString()
        .startsWith("hn-deepest: the job API at 127.0.0.1:")
        .contains("gave no usable answer for 1 s while submitting the job")
        .doesNotContain("\tat ");
  }

  @Test
  void stallSeconds_shouldExit2WithOneLine_whenOutOfRange() {
    for (String stall : List.of("0", "-5", "3601", "soon")) {
      var run = HnDeepestCommandIT.run("--hours", "1", "--stall-seconds", stall);

      assertThat(run.exit()).as(stall).isEqualTo(2);
      assertThat(run.err().strip()).startsWith("hn-deepest: ").doesNotContain("\n");
    }
  }

  private static URI refusingUrl() throws IOException {
    try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // Nothing listens on the port once the probe closes: connections are refused.
      return URI.create("http://127.0.0.1:" + probe.getLocalPort() + "/v0");
    }
  }

  /** Exit code, stdout and stderr of the command run as its own JVM, from the shipped jar the build packaged. */
  private static CommandRun runJar(String... args) throws IOException, InterruptedException {
    var jar = Path.of("..", "command", "target", "hn-deepest.jar").toAbsolutePath().normalize();
    assertThat(jar).as("the shipped command").exists();
    var java = ProcessHandle.current().info().command().orElse("java");
    var command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    command.addAll(List.of(args));
    var out = dir.resolve("out-" + System.nanoTime());
    var err = dir.resolve("err-" + System.nanoTime());
    var process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the command did not end within 120 s");
    }
    return new CommandRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
