package dev.hndeepest.job;

import dev.hndeepest.depth.MeasuredPost;

/**
 * What one work batch found: its partial maximum (the best post of the batch by the winner order).
 *
 * @param best null only for a batch that held no post (never planned, kept total for safety)
 */
public record BatchOutcome(int batchIndex, MeasuredPost best, int storyCount, long itemsFetched) {}
