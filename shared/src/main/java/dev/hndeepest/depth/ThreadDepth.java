package dev.hndeepest.depth;

import dev.hndeepest.hn.CommentText;
import java.util.List;

/**
 * The measured comment thread of one post (PRODUCT.md §1).
 *
 * @param depth highest level of any visible comment; 0 when there is none
 * @param comments number of visible comments in the tree
 * @param deepestThread the comments from the top-level one down to the deepest visible one
 *     (smallest id among equally deep ones), one per level; empty when depth is 0
 */
public record ThreadDepth(int depth, int comments, List<ThreadComment> deepestThread) {
  public static final ThreadDepth NO_COMMENTS = new ThreadDepth(0, 0, List.of());

  /**
   * Characters of excerpt one thread holds at most: {@value CommentText#MAX_CHARS} per comment up
   * to depth 114, less per comment below, so a stored partial maximum (DynamoDB items hold 400 KB)
   * and a result stay bounded however deep the thread.
   */
  public static final int TEXT_BUDGET = 32_000;

  public ThreadDepth {
    deepestThread = List.copyOf(deepestThread);
    if (deepestThread.size() != depth) {
      throw new IllegalArgumentException("a thread of depth " + depth + " has " + deepestThread.size() + " comments");
    }
    int perComment = depth == 0 ? CommentText.MAX_CHARS : Math.min(CommentText.MAX_CHARS, TEXT_BUDGET / depth);
    if (perComment < CommentText.MAX_CHARS) {
      deepestThread = deepestThread.stream().map(c -> c.withTextCutTo(perComment)).toList();
    }
  }

  /** The ids of {@link #deepestThread}: the answer's {@code deepestPath}. */
  public List<Long> deepestPath() {
    return deepestThread.stream().map(ThreadComment::id).toList();
  }
}
