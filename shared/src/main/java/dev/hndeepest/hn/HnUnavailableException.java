package dev.hndeepest.hn;

/** The HN API could not be reached, or kept failing until the client gave up. */
public class HnUnavailableException extends RuntimeException {
  public HnUnavailableException(String message) {
    super(message);
  }

  public HnUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
