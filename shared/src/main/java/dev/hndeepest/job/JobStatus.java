package dev.hndeepest.job;

/** The life of a job: PENDING → RUNNING → SUCCEEDED or FAILED. */
public enum JobStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
