package dev.hndeepest.depth;

import java.util.List;

/**
 * The measured comment thread of one post (PRODUCT.md §1).
 *
 * @param depth highest level of any visible comment; 0 when there is none
 * @param comments number of visible comments in the tree
 * @param deepestPath comment ids from the top-level comment down to the deepest visible one
 *     (smallest id among equally deep ones); empty when depth is 0
 */
public record ThreadDepth(int depth, int comments, List<Long> deepestPath) {
  public static final ThreadDepth NO_COMMENTS = new ThreadDepth(0, 0, List.of());

  public ThreadDepth {
    deepestPath = List.copyOf(deepestPath);
  }
}
