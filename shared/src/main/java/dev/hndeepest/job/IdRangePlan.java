package dev.hndeepest.job;

import java.util.ArrayList;
import java.util.List;

/**
 * How discovery split a window's id range into {@link WorkMessage.MeasureIdRange} batches: batch
 * {@code i} covers {@code [firstId + i * idsPerBatch, min(endExclusive, firstId + (i + 1) * idsPerBatch))}.
 * Stored with the job, so a redelivered discovery sends exactly the same batches again.
 */
public record IdRangePlan(long firstId, long endExclusive, int idsPerBatch) {
  public IdRangePlan {
    if (firstId < 0 || endExclusive < firstId) {
      throw new IllegalArgumentException("bad id range [" + firstId + ", " + endExclusive + ")");
    }
    if (idsPerBatch < 1) {
      throw new IllegalArgumentException("idsPerBatch must be positive, was " + idsPerBatch);
    }
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
