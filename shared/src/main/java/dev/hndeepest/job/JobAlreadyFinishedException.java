package dev.hndeepest.job;

/** A cancellation came for a job that had already ended; nothing was changed. */
public class JobAlreadyFinishedException extends RuntimeException {
  private final transient Job job;

  public JobAlreadyFinishedException(Job job) {
    super("job " + job.id() + " is already " + job.status() + "; only a PENDING or RUNNING job can be cancelled");
    this.job = job;
  }

  public Job job() {
    return job;
  }
}
