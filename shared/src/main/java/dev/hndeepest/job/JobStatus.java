package dev.hndeepest.job;

/** The life of a job: PENDING → RUNNING → SUCCEEDED or FAILED; PENDING or RUNNING → CANCELLED on request. */
public enum JobStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /** A job in this state answers a POST for its window: it has not failed nor been cancelled. */
  public boolean servesItsWindow() {
    return this == PENDING || this == RUNNING || this == SUCCEEDED;
  }
}
