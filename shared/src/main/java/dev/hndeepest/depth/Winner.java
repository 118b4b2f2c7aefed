package dev.hndeepest.depth;

/**
 * The one "best of" fold: measured posts offered one by one (from any thread), the winner by
 * {@link MeasuredPost#WINNER_FIRST} kept. The command, each work batch and a job's aggregation of
 * its partial maxima all choose through it.
 */
public final class Winner {
  private MeasuredPost best;

  /** The winner of {@code candidates} (nulls skipped); null when there is none. */
  public static MeasuredPost of(Iterable<MeasuredPost> candidates) {
    var winner = new Winner();
    candidates.forEach(winner::offer);
    return winner.best();
  }

  /** Competes {@code candidate} (null is no candidate) with the best so far. */
  public synchronized void offer(MeasuredPost candidate) {
    best = MeasuredPost.better(best, candidate);
  }

  /**
   * Whether a post of this rank would take the lead: else its thread needn't be built, since the
   * best only gets better.
   */
  public synchronized boolean wouldTake(Rank rank) {
    return best == null || Rank.WINNER_FIRST.compare(rank, best.rank()) < 0;
  }

  /** The best so far; null before any candidate. */
  public synchronized MeasuredPost best() {
    return best;
  }
}
