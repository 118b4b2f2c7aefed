package dev.hndeepest.job;

import dev.hndeepest.depth.MeasuredPost;

/**
 * What one work batch found: its partial maximum (the best post of the batch by the winner order).
 *
 * @param best null only for a batch that held no post (an id range without posts)
 * @param storyCount posts the batch measured
 * @param storiesFound posts the batch found itself and adds to the job's total: a {@link
 *     WorkMessage.MeasureIdRange} batch's own posts; 0 for a batch of posts discovery counted
 */
public record BatchOutcome(int batchIndex, MeasuredPost best, int storyCount, long itemsFetched, int storiesFound) {

  /** A batch of posts that discovery already counted. */
  public BatchOutcome(int batchIndex, MeasuredPost best, int storyCount, long itemsFetched) {
    this(batchIndex, best, storyCount, itemsFetched, 0);
  }
}
