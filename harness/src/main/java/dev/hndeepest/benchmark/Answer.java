package dev.hndeepest.benchmark;

import dev.hndeepest.answer.DeepestThreadResult;
import java.util.List;

/** The part of a result that every approach must agree on (counts of work differ by design). */
record Answer(Long postId, Integer depth, Integer comments, List<Long> deepestPath, long postsConsidered) {

  static Answer of(DeepestThreadResult result) {
    return new Answer(result.postId(), result.depth(), result.comments(), result.deepestPath(),
        result.postsConsidered());
  }

  /** e.g. {@code story 44007798, depth 18, 161 comments, 1217 posts}. */
  String describe() {
    return postId == null
        ? "no post (" + postsConsidered + " posts)"
        : "story " + postId + ", depth " + depth + ", " + comments + " comments, " + postsConsidered + " posts";
  }
}
