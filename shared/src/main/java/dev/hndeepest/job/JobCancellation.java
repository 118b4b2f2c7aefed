package dev.hndeepest.job;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /jobs/{id}}: a PENDING or RUNNING job becomes CANCELLED (a conditional write), after
 * which workers drop its messages unread and nothing more is written for it. A finished job is left
 * as it is.
 */
public final class JobCancellation {
  private static final Logger log = LoggerFactory.getLogger(JobCancellation.class);

  private final JobStore store;
  private final Clock clock;
  private final JobMetrics metrics;

  public JobCancellation(JobStore store, Clock clock, JobMetrics metrics) {
    this.store = store;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * The job as cancelled.
   *
   * @throws JobNotFoundException when no such job exists
   * @throws JobAlreadyFinishedException when it had already ended (SUCCEEDED, FAILED or CANCELLED)
   */
  public Job cancel(JobId id) {
    boolean cancelled = store.cancel(id);
    var job = store.find(id).orElseThrow(() -> new JobNotFoundException(id));
    if (!cancelled) {
      throw new JobAlreadyFinishedException(job);
    }
    log.info("job {} CANCELLED", id);
    metrics.jobEnded(job, clock.instant());
    return job;
  }
}
