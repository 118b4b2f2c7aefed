package dev.hndeepest.job;

import dev.hndeepest.request.WindowRequest;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a validated question as a job: store it PENDING, queue its discovery; or answer with the
 * job that already answers the same window. Never calls the HN API. A rejected request stores
 * nothing and sends nothing.
 */
public final class JobSubmission {
  private static final Logger log = LoggerFactory.getLogger(JobSubmission.class);

  private final JobStore store;
  private final WorkQueue queue;
  private final Clock clock;
  private final JobMetrics metrics;

  public JobSubmission(JobStore store, WorkQueue queue, Clock clock, JobMetrics metrics) {
    this.store = store;
    this.queue = queue;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** How a submission was answered. */
  public enum Answer {
    /** A new job, its discovery queued. */
    CREATED,
    /** The job of an earlier submission with the same Idempotency-Key. */
    REPLAYED,
    /** The job that already answers the same window (PRODUCT.md §3). */
    REUSED
  }

  /** The job and how it answers the submission. */
  public record Submitted(Job job, Answer answer) {
    public boolean replayed() {
      return answer == Answer.REPLAYED;
    }
  }

  /**
   * @param request the validated question
   * @throws dev.hndeepest.request.InvalidRequestException for a bad key
   * @throws IdempotencyKeyConflictException when the key was used for other parameters
   */
  public Submitted submit(WindowRequest request, Optional<String> idempotencyKey) {
    var now = clock.instant();
    var key = idempotencyKey.map(value -> new IdempotencyKey(value, fingerprint(request)));
    var job = Job.submitted(JobId.random(), request, now);

    switch (store.create(job, key)) {
      case JobStore.CreateOutcome.AlreadyExists existing -> {
        log.info("idempotent replay of job {}", existing.job().id());
        return new Submitted(existing.job(), Answer.REPLAYED);
      }
      case JobStore.CreateOutcome.Reused reused -> {
        log.info("job {} reused for hours={} asOf={}", reused.job().id(), request.hours(), request.asOf());
        metrics.jobReused();
        return new Submitted(reused.job(), Answer.REUSED);
      }
      case JobStore.CreateOutcome.Created created -> {}
    }
    try {
      queue.send(new WorkMessage.DiscoverPosts(job.id()));
    } catch (RuntimeException e) {
      forget(job, key, e);
      throw e;
    }
    log.info("job {} submitted: hours={} asOf={}", job.id(), request.hours(), request.asOf());
    metrics.jobSubmitted();
    return new Submitted(job, Answer.CREATED);
  }

  /**
   * The submission is answered 503, so it must leave nothing behind: without its discovery message
   * the job would sit PENDING for ever, and its key would replay that job to a retrying client.
   */
  private void forget(Job job, Optional<IdempotencyKey> key, RuntimeException queueFailure) {
    try {
      store.discard(job, key);
    } catch (RuntimeException e) {
      queueFailure.addSuppressed(e);
      log.error("job {} could not be queued nor removed; marking it FAILED", job.id());
      try {
        store.fail(job.id(), "the job could not be queued; submit it again");
      } catch (RuntimeException alsoDown) {
        queueFailure.addSuppressed(alsoDown);
        log.error("job {} stays PENDING: the store is unreachable (status ends it as stalled)", job.id());
      }
    }
  }

  /** What the client asked, so a key reused for another question is caught. */
  private static String fingerprint(WindowRequest request) {
    return "hours=" + request.hours() + ";asOf=" + (request.asOfGiven() ? Long.toString(request.asOf()) : "now");
  }
}
