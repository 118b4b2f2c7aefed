package dev.hndeepest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.harness.DevCommand;
import dev.hndeepest.hn.CommentText;
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
    assertThat(json.get("hnUrl").isNull()).as("a replica's ids are not HN's: no link").isTrue();
    assertThat(json.get("source").asText()).isEqualTo("custom");
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
        .contains("item " + expected.postId() + " (no HN page)").doesNotContain("news.ycombinator.com");
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

  @Test
  void json_shouldCarryTheDeepestThreadsAuthorsTimesAndExcerpts_asTheDataHoldsThem() {
    long asOf = END.getEpochSecond();

    var run = run("--hours", "24", "--as-of", Long.toString(asOf), "--hn-api", replica.baseUrl().toString(),
        "--json", "--quiet");

    // THEN each level's comment is the data's item, its HTML turned into the excerpt; no HN links from a replica
    assertThat(run.exit()).as(run.err()).isZero();
    var json = Json.read(run.out(), JsonNode.class);
    assertThat(json.get("source").asText()).isEqualTo("custom");
    assertThat(json.get("hnUrl").isNull()).isTrue();
    var thread = json.get("deepestThread");
    assertThat(thread.size()).isEqualTo(json.get("depth").asInt()).isGreaterThan(1);
    for (int i = 0; i < thread.size(); i++) {
      var comment = thread.get(i);
      var item = oracle.item(comment.get("id").asLong());
      assertThat(comment.get("id").asLong()).isEqualTo(json.get("deepestPath").get(i).asLong());
      assertThat(comment.get("level").asInt()).isEqualTo(i + 1);
      assertThat(comment.get("time").asLong()).isEqualTo(item.get("time").asLong());
      assertThat(comment.get("timeIso").asText()).isEqualTo(Instant.ofEpochSecond(item.get("time").asLong()).toString());
      assertThat(comment.get("deleted").asBoolean()).isEqualTo(item.path("deleted").asBoolean());
      assertThat(comment.get("dead").asBoolean()).isEqualTo(item.path("dead").asBoolean());
      assertThat(comment.get("hnUrl").isNull()).isTrue();
      boolean placeholder = item.path("deleted").asBoolean() || item.path("dead").asBoolean();
      if (placeholder) {
        assertThat(comment.get("text").isNull()).isTrue();
      } else {
        assertThat(comment.get("by").asText()).isEqualTo(item.get("by").asText());
        assertThat(comment.get("text").asText()).isEqualTo(CommentText.excerpt(item.get("text").asText()));
      }
    }
  }

  @Test
  void text_shouldShowThePostThenTheThreadIndented_withAuthorAgeExcerptAndLinkPerComment() {
    var json = Json.read(run("--demo", "--hours", "6", "--json", "--quiet").out(), JsonNode.class);

    var run = run("--demo", "--hours", "6", "--quiet");

    assertThat(run.exit()).as(run.err()).isZero();
    var lines = run.out().lines().toList();
    assertThat(run.out()).contains(json.get("title").asText()).contains("by " + json.get("by").asText())
        .contains("depth " + json.get("depth").asInt()).doesNotContain("news.ycombinator.com")
        .contains("Synthetic demo data");
    var thread = json.get("deepestThread");
    int previousIndent = -1;
    for (var comment : thread) {
      int level = comment.get("level").asInt();
      var head = lines.stream().filter(line -> line.strip().startsWith(level + " ")
          && line.contains("item " + comment.get("id").asLong())).findFirst();
      assertThat(head).as("level %d's line", level).isPresent();
      int indent = head.get().length() - head.get().stripLeading().length();
      assertThat(indent).as("level %d is drawn below its parent", level)
          .isEqualTo(2 * Math.min(level, AnswerText.MAX_INDENT_LEVELS)).isGreaterThanOrEqualTo(previousIndent);
      previousIndent = indent;
      assertThat(head.get()).contains(comment.get("deleted").asBoolean() ? "[deleted]" : comment.get("by").asText())
          .contains(" ago");
      if (comment.hasNonNull("text")) {
        var firstWords = comment.get("text").asText().split("\\s+");
        assertThat(run.out()).contains(firstWords[0]);
      }
    }
    // The synthetic notice goes to stderr however stderr is attached; progress does not when it is no terminal.
    assertThat(run.err()).contains("synthetic data, not Hacker News").contains("26 h")
        .doesNotContain("finding the window");
  }

  @Test
  void demo_shouldWarn_whenTheWindowReachesOutsideTheSnapshot() {
    var run = run("--demo", "--hours", "168", "--json", "--quiet");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("warning: the 168 h window").contains("reaches outside the snapshot")
        .contains("26.0 h of it hold data");
    assertThat(Json.read(run.out(), JsonNode.class).get("window").get("hours").asInt()).isEqualTo(168);
  }

  @Test
  void demo_shouldNotWarn_whenTheWindowLiesInsideTheSnapshot() {
    var run = run("--demo", "--hours", "6", "--json", "--quiet");

    assertThat(run.err()).contains("synthetic data").doesNotContain("warning");
  }
}
