package dev.hndeepest.job;

import dev.hndeepest.answer.DeepestThreadResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A {@link JobStore} whose every call throws, as an unreachable or broken database would. */
public final class FailingJobStore implements JobStore {
  private final Supplier<RuntimeException> failure;

  public FailingJobStore(Supplier<RuntimeException> failure) {
    this.failure = failure;
  }

  @Override
  public CreateOutcome create(Job job, Optional<IdempotencyKey> idempotencyKey) {
    throw failure.get();
  }

  @Override
  public Optional<Job> find(JobId id) {
    throw failure.get();
  }

  @Override
  public boolean markRunning(JobId id, JobPlan plan) {
    throw failure.get();
  }

  @Override
  public BatchRecord recordBatch(JobId id, BatchOutcome outcome) {
    throw failure.get();
  }

  @Override
  public List<BatchOutcome> partials(JobId id) {
    throw failure.get();
  }

  @Override
  public Job complete(JobId id, DeepestThreadResult result) {
    throw failure.get();
  }

  @Override
  public void discard(JobId id, Optional<IdempotencyKey> idempotencyKey) {
    throw failure.get();
  }

  @Override
  public boolean fail(JobId id, String reason) {
    throw failure.get();
  }
}
