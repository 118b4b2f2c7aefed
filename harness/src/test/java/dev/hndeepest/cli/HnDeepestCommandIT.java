package dev.hndeepest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.harness.DevCommand;
import dev.hndeepest.json.Json;
import dev.hndeepest.replica.GeneratorSpec;
import dev.hndeepest.replica.HnDataGenerator;
import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ReplicaOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command end to end, in-process, against the HN API replica on loopback serving a generated
 * data file; answers are checked against {@link BruteForceOracle} reading that file directly.
 */
class HnDeepestCommandIT {
  private static final Instant END = Instant.parse("2025-03-01T00:00:00Z");
  @TempDir static Path dir;
  private static Path data;
  private static BruteForceOracle oracle;
  private static HnReplicaServer replica;

  @BeforeAll
  static void serveGeneratedData() throws IOException {
    data = dir.resolve("items.jsonl");
    new HnDataGenerator(GeneratorSpec.endingAt(4242, END, 30)).writeTo(data);
    oracle = new BruteForceOracle(data);
    replica = HnReplicaServer.start(data, ReplicaOptions.defaults(), 0);
  }

  @AfterAll
  static void stop() {
    replica.close();
  }

  /** One in-process run of the command as ./hn-deepest runs it: with the development harness. */
  static CommandRun run(String... args) {
    return CommandRun.run(DevCommand.commandLine(), args);
  }

  @ParameterizedTest
  @CsvSource({"1, 0", "6, 0", "24, 0", "3, 7200", "12, 20000"})
  void json_shouldMatchBruteForceOracle_whenWindowEndsAtOrBeforeTheDataEnd(int hours, long secondsBeforeEnd) {
    long asOf = END.getEpochSecond() - secondsBeforeEnd;

    var run = run("--hours", Integer.toString(hours), "--as-of", Long.toString(asOf),
        "--hn-api", replica.baseUrl().toString(), "--json", "--quiet");

    var expected = oracle.answer(asOf - hours * 3600L, asOf);
    assertThat(run.exit()).as(run.err()).isZero();
    var json = Json.read(run.out(), JsonNode.class);
    expected.assertAnsweredBy(json, hours + " h ending " + asOf);
    assertThat(json.at("/window/from").asLong()).isEqualTo(asOf - hours * 3600L);
    assertThat(json.get("hnUrl").asText()).isEqualTo("https://news.ycombinator.com/item?id=" + expected.postId());
  }

  @Test
  void json_shouldPrintEmptyAnswer_whenWindowPrecedesTheData() {
    long asOf = END.getEpochSecond() - 40 * 3600L;

    var run = run("--hours", "2", "--as-of", Long.toString(asOf), "--hn-api", replica.baseUrl().toString(), "--json");

    var json = Json.read(run.out(), JsonNode.class);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(json.get("storyId").isNull()).isTrue();
    assertThat(json.get("deepestPath").isNull()).isTrue();
    assertThat(json.get("storiesConsidered").asInt()).isZero();
    assertThat(json.at("/window/hours").asInt()).isEqualTo(2);
  }

  @Test
  void humanOutput_shouldNameTheWinner_whenNotJson() {
    long asOf = END.getEpochSecond();

    var run = run("--hours", "6", "--as-of", Long.toString(asOf), "--hn-api", replica.baseUrl().toString());

    var expected = oracle.answer(asOf - 6 * 3600L, asOf);
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("depth " + expected.depth())
        .contains("https://news.ycombinator.com/item?id=" + expected.postId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "0", "721", "1.5", "-3", " 24"})
  void hours_shouldExit2WithOneLine_whenInvalid(String hours) {
    var run = run("--hours", hours, "--hn-api", replica.baseUrl().toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).startsWith("hn-deepest: --hours").doesNotContain("\n").doesNotContain("Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2999-01-01T00:00:00Z", "2006-10-09T18:21:50Z", "yesterday"})
  void asOf_shouldExit2WithOneLine_whenInvalid(String asOf) {
    var run = run("--hours", "1", "--as-of", asOf, "--hn-api", replica.baseUrl().toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("hn-deepest: --as-of").doesNotContain("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "hacker-news.firebaseio.com/v0", "ftp://127.0.0.1/v0", "http://127.0.0.1:8089/v0?x=1", "/v0"})
  void hnApi_shouldExit2WithOneLine_whenNotAnHttpUrl(String hnApi) {
    var run = run("--hours", "1", "--hn-api", hnApi);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("hn-deepest: --hn-api must be an absolute http or https URL")
        .doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void usage_shouldExit2_whenHoursMissingOrOptionUnknown() {
    assertThat(run("--hn-api", replica.baseUrl().toString()).exit()).isEqualTo(2);
    var unknown = run("--hours", "1", "--frobnicate");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip()).startsWith("hn-deepest:").doesNotContain("\n");
  }

  @Test
  void unreachableApi_shouldExit1WithClearMessage_andNoStackTrace() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    var run = run("--hours", "1", "--hn-api", "http://127.0.0.1:" + closedPort + "/v0", "--quiet",
        "--stall-seconds", "1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("cannot be reached").doesNotContain("\tat ").doesNotContain("Caused by");
    assertThat(run.err().strip()).doesNotContain("\n");
  }

  @Test
  void demo_shouldAnswerFromTheBundledSnapshot_withoutNetwork() {
    var run = run("--demo", "--hours", "24", "--json");

    var json = Json.read(run.out(), JsonNode.class);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(json.get("storyId").asLong()).isPositive();
    assertThat(json.get("depth").asInt()).isPositive();
    assertThat(json.get("storiesConsidered").asInt()).isGreaterThan(1000);
    assertThat(List.of("story", "poll")).contains(json.get("type").asText());
  }
}
