package dev.hndeepest.cli;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.hn.HnClientStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The human-readable answer of the command: the window, the post, then its deepest thread drawn as
 * an indented chain, each comment with its author, age (before the window's end), excerpt and link.
 */
final class AnswerText {
  static final int WIDTH = 80;
  /** Levels indented further than this stay at this indent; their numbers still tell the nesting. */
  static final int MAX_INDENT_LEVELS = 12;

  private AnswerText() {}

  static String of(DeepestThreadResult result) {
    var window = result.window();
    var lines = new ArrayList<String>();
    lines.add("Window: %d h, %s .. %s (%,d posts, %,d items read; source: %s)".formatted(
        window.hours(), Instant.ofEpochSecond(window.from()), Instant.ofEpochSecond(window.to()),
        result.postsConsidered(), result.itemsFetched(), result.source().label()));
    if (result.source() != ItemSource.FIREBASE) {
      lines.add(result.source() == ItemSource.SNAPSHOT
          ? "Synthetic demo data: the posts, people and ids are made up; no link leads to Hacker News."
          : "Items from " + result.source().label() + " data: its ids are not HN's, so no links to Hacker News.");
    }
    if (result.postId() == null) {
      lines.add("No post was submitted in this window.");
      return String.join("\n", lines);
    }
    long asOf = window.to();
    lines.add("");
    lines.add(result.title() == null ? "(untitled " + result.type() + ")" : result.title());
    if (result.url() != null) {
      lines.add("  " + result.url());
    }
    lines.add("  by %s, %s · depth %d · %,d comments".formatted(
        result.by(), age(asOf - result.time()), result.depth(), result.comments()));
    lines.add("  " + link(result.hnUrl(), result.postId()));
    lines.add("");
    if (result.deepestThread().isEmpty()) {
      lines.add("Deepest thread: depth 0 (no visible comments)");
      return String.join("\n", lines);
    }
    lines.add("Deepest thread: depth %d, %,d comments".formatted(result.depth(), result.comments()));
    for (var comment : result.deepestThread()) {
      thread(lines, comment, asOf);
    }
    return String.join("\n", lines);
  }

  private static void thread(List<String> lines, DeepestThreadResult.Comment comment, long asOf) {
    var indent = "  ".repeat(Math.min(comment.level(), MAX_INDENT_LEVELS));
    String who = comment.deleted() ? "[deleted]" : comment.dead() ? "[dead] " + comment.by() : comment.by();
    lines.add(indent + "%d %s, %s · %s".formatted(comment.level(), who, age(asOf - comment.time()),
        link(comment.hnUrl(), comment.id())));
    if (comment.text() != null) {
      for (var paragraph : comment.text().split("\n\n")) {
        wrap(lines, indent + "  ", paragraph);
      }
    }
  }

  /** The paragraph in lines of at most {@link #WIDTH} characters (at least 40 of text), each after {@code indent}. */
  static void wrap(List<String> lines, String indent, String paragraph) {
    int width = Math.max(40, WIDTH - indent.length());
    for (var rawLine : paragraph.split("\n")) {
      var line = new StringBuilder();
      for (var word : rawLine.strip().split("\\s+")) {
        if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
          lines.add(indent + line);
          line.setLength(0);
        }
        line.append(line.isEmpty() ? "" : " ").append(word);
      }
      if (!line.isEmpty()) {
        lines.add(indent + line);
      }
    }
  }

  private static String link(String hnUrl, long id) {
    return hnUrl != null ? hnUrl : "item " + id + " (no HN page)";
  }

  /** How long before the window's end: "just now", "42 min ago", "5 h ago", "3 d ago". */
  static String age(long seconds) {
    if (seconds < 60) {
      return "just now";
    }
    if (seconds < 3_600) {
      return seconds / 60 + " min ago";
    }
    if (seconds < 2 * 86_400) {
      return seconds / 3_600 + " h ago";
    }
    return seconds / 86_400 + " d ago";
  }

  /** A closing line with the client's counters. */
  static String requests(HnClientStats stats) {
    return "%n%,d HN requests (%,d retries), %,d distinct items".formatted(
        stats.requests(), stats.retries(), stats.itemsFetched());
  }
}
