package dev.hndeepest.job;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.depth.Winner;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers GET /jobs/{id} with the job as it stands, after finishing it where it can: a job that
 * has stalled is failed, and one whose batches are all in gets its partial maxima aggregated
 * ({@link Winner}) and its result stored once (a conditional write: concurrent polls agree).
 */
public final class JobFinisher {
  private static final Logger log = LoggerFactory.getLogger(JobFinisher.class);

  private final JobStore store;
  private final Clock clock;
  private final Duration stallTimeout;

  /**
   * @param stallTimeout a job that has made no progress for this long ends FAILED: longer than the
   *     longest a message can take to exhaust its deliveries, so only a lost message trips it
   */
  public JobFinisher(JobStore store, Clock clock, Duration stallTimeout) {
    this.store = store;
    this.clock = clock;
    this.stallTimeout = stallTimeout;
  }

  /**
   * The job after finishing what can be finished.
   *
   * @throws JobNotFoundException when no such job exists
   */
  public Job status(JobId id) {
    var job = store.find(id).orElseThrow(() -> new JobNotFoundException(id));
    if (!job.status().isTerminal() && job.updatedAt().plus(stallTimeout).isBefore(clock.instant())) {
      // A worker killed on a message's last delivery never marks the job: end it here instead.
      var reason = "no progress for " + stallTimeout.toMinutes() + " minutes: a work message was lost "
          + "(see the dead-letter queue); submit the job again";
      if (store.fail(id, reason)) {
        log.error("job {} FAILED as stalled since {}", id, job.updatedAt());
      }
      return store.find(id).orElseThrow(() -> new JobNotFoundException(id));
    }
    if (!job.allBatchesIn() || job.result() != null) {
      return job;
    }
    var partials = store.partials(id);
    if (partials.size() < job.batchesTotal()) {
      log.warn("job {} counts {} batches done but {} partials are stored", id, job.batchesDone(), partials.size());
      return job;
    }
    var winner = Winner.of(partials.stream().map(BatchOutcome::best).toList());
    // Each partial counts only the items it owns (ItemCount): the sum counts every item once.
    long itemsFetched = job.discoveryItemsFetched() + partials.stream().mapToLong(BatchOutcome::itemsFetched).sum();
    // Every batch read the worker's one source; partials stored before sources were recorded read the live API.
    var source = partials.stream().map(BatchOutcome::source).filter(Objects::nonNull).findFirst()
        .orElse(ItemSource.FIREBASE);
    var result = DeepestThreadResult.of(winner, job.request().window(), job.postsTotal(), itemsFetched, source);
    var completed = store.complete(id, result);
    log.info("job {} {} from {} batches", id, completed.status(), partials.size());
    return completed;
  }
}
