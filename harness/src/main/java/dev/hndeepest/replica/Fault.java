package dev.hndeepest.replica;

import java.time.Duration;
import java.util.Optional;

/** One injected fault, decided per request by a {@link FaultPlan}. */
public sealed interface Fault {

  FaultKind kind();

  /** An error status instead of the answer. */
  record ErrorStatus(FaultKind kind, Optional<Duration> retryAfter) implements Fault {
    public ErrorStatus {
      if (kind != FaultKind.TOO_MANY_REQUESTS
          && kind != FaultKind.INTERNAL_ERROR
          && kind != FaultKind.UNAVAILABLE) {
        throw new IllegalArgumentException("not an error status fault: " + kind);
      }
    }

    public int status() {
      return kind.status();
    }
  }

  /** The right answer, late. */
  record Slow(Duration extraDelay) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.SLOW;
    }
  }

  /** Half the body under a header that promises all of it. */
  record Truncated() implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.TRUNCATED;
    }
  }

  /** 401 "Permission denied" for an item that exists: the live API's passing habit. */
  record Denied() implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.DENIED;
    }
  }

  /** No answer at all: the connection closes. */
  record Dropped() implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.DROPPED;
    }
  }
}
