package dev.hndeepest.job;

import java.util.ArrayList;
import java.util.List;

/**
 * How discovery split a window's id range into {@link WorkMessage.MeasureIdRange} batches: batch
 * {@code i} covers {@code [firstId + i * idsPerBatch, min(endExclusive, firstId + (i + 1) * idsPerBatch))}.
 * Stored with the job, so a redelivered discovery sends exactly the same batches again.
 *
 * @param discoveryReadsAbove the items discovery read at or above {@code endExclusive}, ascending:
 *     discovery counts them, so a batch whose crawl reads one again does not ({@link ItemCount})
 */
public record IdRangePlan(long firstId, long endExclusive, int idsPerBatch, List<Long> discoveryReadsAbove) {
  public IdRangePlan {
    discoveryReadsAbove = List.copyOf(discoveryReadsAbove);
    if (firstId < 0 || endExclusive < firstId) {
      throw new IllegalArgumentException("bad id range [" + firstId + ", " + endExclusive + ")");
    }
    if (idsPerBatch < 1) {
      throw new IllegalArgumentException("idsPerBatch must be positive, was " + idsPerBatch);
    }
  }

  /**
   * The plan for {@code [firstId, endExclusive)} in batches of at most {@code maxIdsPerBatch} ids,
   * their count rounded up to a multiple of {@code batchesPerRound} (the messages the queue's
   * workers take at once) and the ids spread evenly over them: every round of deliveries is full,
   * so the last batches don't run alone while the other workers idle.
   */
  public static IdRangePlan sized(long firstId, long endExclusive, int maxIdsPerBatch, int batchesPerRound,
      List<Long> discoveryReadsAbove) {
    if (maxIdsPerBatch < 1 || batchesPerRound < 1) {
      throw new IllegalArgumentException(
          "maxIdsPerBatch and batchesPerRound must be positive, were " + maxIdsPerBatch + ", " + batchesPerRound);
    }
    long ids = Math.max(0, endExclusive - firstId);
    long batches = (ids + maxIdsPerBatch - 1) / maxIdsPerBatch;
    if (batches <= 1) {
      return new IdRangePlan(firstId, endExclusive, maxIdsPerBatch, discoveryReadsAbove);
    }
    long rounded = (batches + batchesPerRound - 1) / batchesPerRound * batchesPerRound;
    int idsPerBatch = Math.toIntExact(Math.max(1, (ids + rounded - 1) / rounded));
    return new IdRangePlan(firstId, endExclusive, idsPerBatch, discoveryReadsAbove);
  }

  /** Whether {@code id} lies in the plan's whole range, which its batches' scans read completely. */
  public boolean covers(long id) {
    return id >= firstId && id < endExclusive;
  }

  /** Batches of this plan; 0 for an empty range. */
  public int batches() {
    return Math.toIntExact((endExclusive - firstId + idsPerBatch - 1) / idsPerBatch);
  }

  /** The batch messages of the plan, in order. */
  public List<WorkMessage.MeasureIdRange> messages(JobId jobId) {
    var messages = new ArrayList<WorkMessage.MeasureIdRange>(batches());
    for (int batch = 0; batch < batches(); batch++) {
      long start = firstId + (long) batch * idsPerBatch;
      messages.add(new WorkMessage.MeasureIdRange(jobId, batch, start, Math.min(endExclusive, start + idsPerBatch)));
    }
    return messages;
  }
}
