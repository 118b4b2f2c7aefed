package dev.hndeepest.job;

import dev.hndeepest.request.WindowRequest;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a validated question as a job: store it PENDING, queue its discovery. Never calls the HN
 * API. A rejected request stores nothing and sends nothing.
 */
public final class JobSubmission {
  private static final Logger log = LoggerFactory.getLogger(JobSubmission.class);

  private final JobStore store;
  private final WorkQueue queue;
  private final Clock clock;

  public JobSubmission(JobStore store, WorkQueue queue, Clock clock) {
    this.store = store;
    this.queue = queue;
    this.clock = clock;
  }

  /** The job and whether it was an earlier submission with the same Idempotency-Key. */
  public record Submitted(Job job, boolean replayed) {}

  /**
   * @param request the validated question
   * @throws dev.hndeepest.request.InvalidRequestException for a bad key
   * @throws IdempotencyKeyConflictException when the key was used for other parameters
   */
  public Submitted submit(WindowRequest request, Optional<String> idempotencyKey) {
    var now = clock.instant();
    var key = idempotencyKey.map(value -> new IdempotencyKey(value, fingerprint(request)));
    var job = Job.submitted(JobId.random(), request, now);

    var outcome = store.create(job, key);
    if (outcome instanceof JobStore.CreateOutcome.AlreadyExists existing) {
      log.info("idempotent replay of job {}", existing.job().id());
      return new Submitted(existing.job(), true);
    }
    try {
      queue.send(new WorkMessage.DiscoverPosts(job.id()));
    } catch (RuntimeException e) {
      forget(job, key, e);
      throw e;
    }
    log.info("job {} submitted: hours={} asOf={}", job.id(), request.hours(), request.asOf());
    return new Submitted(job, false);
  }

  /**
   * The submission is answered 503, so it must leave nothing behind: without its discovery message
   * the job would sit PENDING for ever, and its key would replay that job to a retrying client.
   */
  private void forget(Job job, Optional<IdempotencyKey> key, RuntimeException queueFailure) {
    try {
      store.discard(job.id(), key);
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
