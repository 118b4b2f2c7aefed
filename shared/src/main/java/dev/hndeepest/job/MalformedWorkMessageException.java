package dev.hndeepest.job;

/** A queue message that no retry can make sense of; it goes to the dead-letter queue. */
public class MalformedWorkMessageException extends RuntimeException {
  public MalformedWorkMessageException(String message) {
    super(message);
  }
}
