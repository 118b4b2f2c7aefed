package dev.hndeepest.cli;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.hn.HnClientStats;
import java.time.Instant;
import java.util.stream.Collectors;

/** The human-readable answer of the command. */
final class AnswerText {
  private AnswerText() {}

  static String of(DeepestThreadResult result) {
    var window = result.window();
    var header = "Window: %d h, %s .. %s (%,d posts, %,d items read)".formatted(
        window.hours(), Instant.ofEpochSecond(window.from()), Instant.ofEpochSecond(window.to()),
        result.postsConsidered(), result.itemsFetched());
    if (result.postId() == null) {
      return header + "\nNo post was submitted in this window.";
    }
    var path = result.deepestPath().stream().map(String::valueOf).collect(Collectors.joining(" > "));
    return header + "\n"
        + "Deepest thread: depth %d, %,d comments%n".formatted(result.depth(), result.comments())
        + "  %s%n".formatted(result.title() == null ? "(untitled " + result.type() + ")" : result.title())
        + "  by %s at %s%n".formatted(result.by(), result.timeIso())
        + "  %s%n".formatted(result.hnUrl())
        + (result.url() == null ? "" : "  link: %s%n".formatted(result.url()))
        + (path.isEmpty() ? "  (no comments)" : "  deepest path: " + path);
  }

  /** A closing line with the client's counters. */
  static String requests(HnClientStats stats) {
    return "%n%,d HN requests (%,d retries), %,d distinct items".formatted(
        stats.requests(), stats.retries(), stats.itemsFetched());
  }
}
