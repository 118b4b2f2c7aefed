package dev.hndeepest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.harness.DevCommand;
import dev.hndeepest.hn.CommentText;
import dev.hndeepest.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo as a new user meets it, in-process: the command and a job through the local stack (moto,
 * the template's functions, the bundled snapshot served by the replica) give the same answer object,
 * field for field, itemsFetched and the deepest thread included, and both call the data synthetic.
 */
class DemoAnswerIT {

  private static CommandRun run(String... args) {
    return CommandRun.run(DevCommand.commandLine(), args);
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 24})
  void commandAndJob_shouldGiveTheSameAnswerObject_whenAskedTheSameDemoWindow(int hours) {
    // WHEN the same window is asked of the command and of a job
    var command = run("--demo", "--hours", Integer.toString(hours), "--json", "--quiet");
    var job = run("job", "--demo", "--hours", Integer.toString(hours), "--json", "--quiet");

    // THEN both answer, with the same object: the count of distinct items read included
    assertThat(command.exit()).as(command.err()).isZero();
    assertThat(job.exit()).as(job.err()).isZero();
    var fromCommand = Json.read(command.out(), JsonNode.class);
    var fromJob = Json.read(job.out(), JsonNode.class);
    assertThat(fromJob).isEqualTo(fromCommand);
    assertThat(fromCommand.get("itemsFetched").asLong()).isPositive();

    // THEN it is the snapshot's, with no link to HN, and a chain of one comment per level
    assertThat(fromCommand.get("source").asText()).isEqualTo("snapshot");
    assertThat(fromCommand.get("hnUrl").isNull()).isTrue();
    var thread = fromCommand.get("deepestThread");
    assertThat(thread.size()).isEqualTo(fromCommand.get("depth").asInt()).isPositive();
    for (int i = 0; i < thread.size(); i++) {
      var comment = thread.get(i);
      assertThat(comment.get("id")).isEqualTo(fromCommand.get("deepestPath").get(i));
      assertThat(comment.get("level").asInt()).isEqualTo(i + 1);
      assertThat(comment.get("hnUrl").isNull()).isTrue();
      if (!comment.get("deleted").asBoolean() && !comment.get("dead").asBoolean()) {
        assertThat(comment.get("text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(CommentText.MAX_CHARS)
            .doesNotContain("&#x27;").doesNotContain("<p>");
      }
    }
    assertThat(command.err()).contains("synthetic data").contains("2025-06-10T11:59:51Z");
    assertThat(job.err()).contains("synthetic data");
  }
}
