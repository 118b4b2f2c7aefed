package dev.hndeepest.job;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.depth.MeasuredPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a job for GET /jobs/{id}; once every batch is in, aggregates the partial maxima with the
 * winner order and stores the result once (a conditional write: concurrent polls agree).
 */
public final class JobStatusQuery {
  private static final Logger log = LoggerFactory.getLogger(JobStatusQuery.class);

  private final JobStore store;

  public JobStatusQuery(JobStore store) {
    this.store = store;
  }

  /** @throws JobNotFoundException when no such job exists */
  public Job status(JobId id) {
    var job = store.find(id).orElseThrow(() -> new JobNotFoundException(id));
    if (!job.allBatchesIn() || job.result() != null) {
      return job;
    }
    var partials = store.partials(id);
    if (partials.size() < job.batchesTotal()) {
      log.warn("job {} counts {} batches done but {} partials are stored", id, job.batchesDone(), partials.size());
      return job;
    }
    MeasuredPost winner = null;
    long itemsFetched = job.discoveryItemsFetched();
    for (var partial : partials) {
      winner = MeasuredPost.better(winner, partial.best());
      itemsFetched += partial.itemsFetched();
    }
    var result = DeepestThreadResult.of(
        winner, job.request().window(), job.storiesTotal(), itemsFetched, DeepestThreadResult.FIREBASE);
    var completed = store.complete(id, result);
    log.info("job {} {} from {} batches", id, completed.status(), partials.size());
    return completed;
  }
}
