package dev.hndeepest.job;

import dev.hndeepest.depth.MeasuredPost;

/**
 * What one work batch found: its partial maximum (the best post of the batch by the winner order).
 *
 * @param best null only for a batch that held no post (an id range without posts)
 * @param postCount posts the batch measured
 * @param postsFound posts the batch found itself and adds to the job's total: a {@link
 *     WorkMessage.MeasureIdRange} batch's own posts; 0 for a batch of posts discovery counted
 */
public record BatchOutcome(int batchIndex, MeasuredPost best, int postCount, long itemsFetched, int postsFound) {

  /** A batch of posts that discovery already counted. */
  public BatchOutcome(int batchIndex, MeasuredPost best, int postCount, long itemsFetched) {
    this(batchIndex, best, postCount, itemsFetched, 0);
  }
}
