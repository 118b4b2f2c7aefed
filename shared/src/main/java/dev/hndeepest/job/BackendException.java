package dev.hndeepest.job;

/**
 * Why the job store or the work queue could not do what it was asked, in the ports' own terms:
 * their adapters translate their SDK's failures into these, so callers never see an SDK type.
 */
public abstract sealed class BackendException extends RuntimeException {

  private BackendException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Unreachable, throttled or failing on its side: a retry soon may succeed. */
  public static final class Unavailable extends BackendException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The table or queue does not exist (a stack being recreated, an emulator restarted): an operator must act. */
  public static final class MissingResource extends BackendException {
    public MissingResource(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Refused for good (not authorised, an invalid request): a retry changes nothing. */
  public static final class Refused extends BackendException {
    public Refused(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
