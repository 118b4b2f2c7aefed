package dev.hndeepest.job;

import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.depth.MeasuredPost;

/**
 * What one work batch found: its partial maximum (the best post of the batch by the winner order).
 *
 * @param best null only for a batch that held no post (an id range without posts)
 * @param postCount posts the batch measured
 * @param postsFound posts the batch found itself and adds to the job's total: a {@link
 *     WorkMessage.MeasureIdRange} batch's own posts; 0 for a batch of posts discovery counted
 * @param itemsFetched the items this batch owns among those it read ({@link ItemCount}), so the
 *     job's sum counts each item once
 * @param source where the worker read HN (every batch of a job reads the same)
 */
public record BatchOutcome(int batchIndex, MeasuredPost best, int postCount, long itemsFetched, int postsFound,
    ItemSource source) {}
