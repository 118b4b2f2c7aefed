package dev.hndeepest.depth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Comparator;

/** A post with its measured thread: the unit that workers produce and the winner is chosen from. */
public record MeasuredPost(Post post, ThreadDepth thread) {

  /** PRODUCT.md §1 winner order: deeper first, then more comments, then the smaller id. */
  public static final Comparator<MeasuredPost> WINNER_FIRST = Comparator.comparing(MeasuredPost::rank, Rank.WINNER_FIRST);

  /** Its place in the winner order. */
  @JsonIgnore
  public Rank rank() {
    return new Rank(thread.depth(), thread.comments(), post.id());
  }

  /** The better of two candidates by {@link #WINNER_FIRST}; either may be null. */
  public static MeasuredPost better(MeasuredPost a, MeasuredPost b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return WINNER_FIRST.compare(a, b) <= 0 ? a : b;
  }
}
