package dev.hndeepest.job;

/** An Idempotency-Key was reused within its lifetime for a request with other parameters. */
public class IdempotencyKeyConflictException extends RuntimeException {
  public IdempotencyKeyConflictException(JobId existing) {
    super("this Idempotency-Key was already used for job " + existing + " with other parameters");
  }
}
