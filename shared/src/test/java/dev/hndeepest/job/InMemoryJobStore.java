package dev.hndeepest.job;

import dev.hndeepest.answer.DeepestThreadResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link JobStore} in memory with the same conditional rules as the DynamoDB one; counts writes. */
public final class InMemoryJobStore implements JobStore {
  private final Map<JobId, Job> jobs = new HashMap<>();
  private final Map<JobId, Map<Integer, BatchOutcome>> partials = new HashMap<>();
  private final Map<String, IdempotencyRecord> keys = new HashMap<>();
  private final AtomicInteger writes = new AtomicInteger();

  private record IdempotencyRecord(JobId jobId, String fingerprint) {}

  @Override
  public synchronized CreateOutcome create(Job job, Optional<IdempotencyKey> idempotencyKey) {
    if (idempotencyKey.isPresent()) {
      var existing = keys.get(idempotencyKey.get().hash());
      if (existing != null) {
        if (!existing.fingerprint().equals(idempotencyKey.get().requestFingerprint())) {
          throw new IdempotencyKeyConflictException(existing.jobId());
        }
        return new CreateOutcome.AlreadyExists(jobs.get(existing.jobId()));
      }
      keys.put(idempotencyKey.get().hash(), new IdempotencyRecord(job.id(), idempotencyKey.get().requestFingerprint()));
    }
    if (jobs.putIfAbsent(job.id(), job) != null) {
      throw new IllegalStateException("job id collision " + job.id());
    }
    writes.incrementAndGet();
    return new CreateOutcome.Created(job);
  }

  @Override
  public synchronized Optional<Job> find(JobId id) {
    return Optional.ofNullable(jobs.get(id));
  }

  @Override
  public synchronized boolean markRunning(JobId id, JobPlan plan) {
    var job = jobs.get(id);
    boolean samePlanRunning = plan.idRange().isEmpty() && job != null && job.status() == JobStatus.RUNNING
        && job.idRangePlan() == null && job.postsTotal() == plan.postsTotal()
        && job.batchesTotal() == plan.batchesTotal();
    if (job == null || !(job.status() == JobStatus.PENDING || samePlanRunning)) {
      return false;
    }
    jobs.put(id, new Job(id, JobStatus.RUNNING, job.request(), job.createdAt(), job.updatedAt(), plan.postsTotal(),
        job.postsDone(), plan.batchesTotal(), job.batchesDone(), plan.discoveryItemsFetched(),
        plan.idRange().orElse(null), null, null));
    writes.incrementAndGet();
    return true;
  }

  @Override
  public synchronized BatchRecord recordBatch(JobId id, BatchOutcome outcome) {
    var batches = partials.computeIfAbsent(id, key -> new HashMap<>());
    if (batches.containsKey(outcome.batchIndex())) {
      return BatchRecord.DUPLICATE;
    }
    var job = jobs.get(id);
    if (job == null || job.status() != JobStatus.RUNNING) {
      return BatchRecord.JOB_NOT_RUNNING;
    }
    batches.put(outcome.batchIndex(), outcome);
    jobs.put(id, new Job(id, job.status(), job.request(), job.createdAt(), job.updatedAt(),
        job.postsTotal() + outcome.postsFound(), job.postsDone() + outcome.postCount(), job.batchesTotal(),
        job.batchesDone() + 1, job.discoveryItemsFetched(), job.idRangePlan(), null, null));
    writes.incrementAndGet();
    return BatchRecord.COUNTED;
  }

  @Override
  public synchronized List<BatchOutcome> partials(JobId id) {
    var list = new ArrayList<>(partials.getOrDefault(id, Map.of()).values());
    list.sort(Comparator.comparingInt(BatchOutcome::batchIndex));
    return list;
  }

  @Override
  public synchronized Job complete(JobId id, DeepestThreadResult result) {
    var job = jobs.get(id);
    if (job.status() == JobStatus.RUNNING && job.batchesDone() >= job.batchesTotal()) {
      jobs.put(id, new Job(id, JobStatus.SUCCEEDED, job.request(), job.createdAt(), job.updatedAt(),
          job.postsTotal(), job.postsDone(), job.batchesTotal(), job.batchesDone(),
          job.discoveryItemsFetched(), job.idRangePlan(), result, null));
      writes.incrementAndGet();
    }
    return jobs.get(id);
  }

  @Override
  public synchronized void discard(JobId id, Optional<IdempotencyKey> idempotencyKey) {
    jobs.remove(id);
    idempotencyKey.ifPresent(key -> keys.remove(key.hash()));
    writes.incrementAndGet();
  }

  @Override
  public synchronized boolean fail(JobId id, String reason) {
    var job = jobs.get(id);
    if (job == null || job.status().isTerminal()) {
      return false;
    }
    jobs.put(id, new Job(id, JobStatus.FAILED, job.request(), job.createdAt(), job.updatedAt(), job.postsTotal(),
        job.postsDone(), job.batchesTotal(), job.batchesDone(), job.discoveryItemsFetched(), job.idRangePlan(),
        null, reason));
    writes.incrementAndGet();
    return true;
  }

  public synchronized List<Job> allJobs() {
    return List.copyOf(jobs.values());
  }

  public synchronized int jobCount() {
    return jobs.size();
  }

  public int writes() {
    return writes.get();
  }
}
