package dev.hndeepest.job;

import dev.hndeepest.answer.DeepestThreadResult;
import java.util.List;
import java.util.Optional;

/**
 * The port to where jobs and their partial maxima live. Every state change is conditional, so a
 * redelivered message or a second status poll can't count anything twice or overwrite an answer.
 */
public interface JobStore {

  /** Stores a new PENDING job, or returns the job already stored under the same idempotency key. */
  CreateOutcome create(Job job, Optional<IdempotencyKey> idempotencyKey);

  Optional<Job> find(JobId id);

  /**
   * PENDING → RUNNING with the planned totals. Also true when the job already runs with the same
   * plan (a redelivered discovery message); false when the job is terminal or was planned otherwise.
   */
  boolean markRunning(JobId id, int storiesTotal, int batchesTotal, long discoveryItemsFetched);

  /**
   * PENDING → RUNNING with the id-range plan stored, {@code plan.batches()} batches to come and no
   * post counted yet (each batch adds the posts it finds). False when the job is not PENDING: a
   * redelivered discovery then reads the stored plan instead of making a new one.
   */
  boolean markScanning(JobId id, IdRangePlan plan, long discoveryItemsFetched);

  /**
   * Records a batch's partial maximum and counts it, once however often it is delivered: adds its
   * stories to the done count and its {@link BatchOutcome#storiesFound()} to the total.
   */
  BatchRecord recordBatch(JobId id, BatchOutcome outcome);

  /** Every recorded partial maximum of the job. */
  List<BatchOutcome> partials(JobId id);

  /** RUNNING with every batch in → SUCCEEDED with the result; the job as stored afterwards. */
  Job complete(JobId id, DeepestThreadResult result);

  /**
   * Removes a job that was never queued, with its idempotency key, so a rejected submission leaves
   * nothing behind and the client may retry with the same key.
   */
  void discard(JobId id, Optional<IdempotencyKey> idempotencyKey);

  /** PENDING or RUNNING → FAILED with a reason; false when it was already terminal. */
  boolean fail(JobId id, String reason);

  /** The result of {@link #create}. */
  sealed interface CreateOutcome {
    Job job();

    record Created(Job job) implements CreateOutcome {}

    record AlreadyExists(Job job) implements CreateOutcome {}
  }

  /** The result of {@link #recordBatch}. */
  enum BatchRecord {
    COUNTED,
    DUPLICATE,
    JOB_NOT_RUNNING
  }
}
