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
   * PENDING → RUNNING as planned. For a plan of listed posts also true when the job already runs
   * with the same totals (a redelivered discovery); an id-range plan is stored only from PENDING (a
   * redelivered discovery then reads the stored plan instead). False when the job is terminal or
   * was planned otherwise.
   */
  boolean markRunning(JobId id, JobPlan plan);

  /**
   * Records a batch's partial maximum and counts it, once however often it is delivered: adds its
   * posts to the done count and its {@link BatchOutcome#postsFound()} to the total.
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
