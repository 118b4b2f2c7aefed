package dev.hndeepest.benchmark;

import dev.hndeepest.answer.DeepestThreadResult;
import java.util.List;

/** The part of a result that every approach must agree on (counts of work differ by design). */
record Answer(Long storyId, Integer depth, Integer comments, List<Long> deepestPath, long storiesConsidered) {

  static Answer of(DeepestThreadResult result) {
    return new Answer(result.storyId(), result.depth(), result.comments(), result.deepestPath(),
        result.storiesConsidered());
  }

  /** e.g. {@code story 44007798, depth 18, 161 comments, 1217 posts}. */
  String describe() {
    return storyId == null
        ? "no post (" + storiesConsidered + " posts)"
        : "story " + storyId + ", depth " + depth + ", " + comments + " comments, " + storiesConsidered + " posts";
  }
}
