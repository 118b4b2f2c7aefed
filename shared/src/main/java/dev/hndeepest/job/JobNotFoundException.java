package dev.hndeepest.job;

/** No job with that id exists (never did, or expired). */
public class JobNotFoundException extends RuntimeException {
  public JobNotFoundException(JobId id) {
    super("no job " + id);
  }
}
