package dev.hndeepest.depth;

import java.util.Comparator;

/** Where a measured post stands in PRODUCT.md §1's winner order: all the order looks at. */
public record Rank(int depth, int comments, long postId) {

  /** Deeper first, then more comments, then the smaller id. */
  public static final Comparator<Rank> WINNER_FIRST =
      Comparator.comparingInt(Rank::depth).reversed()
          .thenComparing(Comparator.comparingInt(Rank::comments).reversed())
          .thenComparingLong(Rank::postId);
}
