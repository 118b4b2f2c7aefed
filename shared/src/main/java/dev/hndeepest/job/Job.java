package dev.hndeepest.job;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.request.WindowRequest;
import java.time.Instant;

/**
 * A job as stored: its question, its state and its counters.
 *
 * @param discoveryItemsFetched HN items the discovery step read (added to the result's count)
 * @param idRangePlan how discovery split the window's id range into batches; null when it sent
 *     batches of posts instead, or has not run
 * @param result set once, when SUCCEEDED
 * @param error set once, when FAILED
 */
public record Job(
    JobId id,
    JobStatus status,
    WindowRequest request,
    Instant createdAt,
    Instant updatedAt,
    int postsTotal,
    int postsDone,
    int batchesTotal,
    int batchesDone,
    long discoveryItemsFetched,
    IdRangePlan idRangePlan,
    DeepestThreadResult result,
    String error) {

  public static Job submitted(JobId id, WindowRequest request, Instant now) {
    return new Job(id, JobStatus.PENDING, request, now, now, 0, 0, 0, 0, 0, null, null, null);
  }

  /** Every batch has reported: the answer can be aggregated. */
  public boolean allBatchesIn() {
    return status == JobStatus.RUNNING && batchesDone >= batchesTotal;
  }
}
