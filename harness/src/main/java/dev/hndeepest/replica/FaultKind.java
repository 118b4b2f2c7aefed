package dev.hndeepest.replica;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The kinds of misbehaviour the replica can inject into an answer. */
public enum FaultKind {
  /** HTTP 429, sometimes with {@code Retry-After}. */
  TOO_MANY_REQUESTS(429),
  /** HTTP 500. */
  INTERNAL_ERROR(500),
  /** HTTP 503, sometimes with {@code Retry-After}. */
  UNAVAILABLE(503),
  /** The right answer, after an extra delay. */
  SLOW(200),
  /** Status 200 and the full Content-Length, then half the body and a closed connection. */
  TRUNCATED(200),
  /** The connection closes without any answer. */
  DROPPED(0),
  /** HTTP 401 {@code {"error":"Permission denied"}} on an item's first request; later ones answer it. */
  DENIED(401);

  private final int status;

  FaultKind(int status) {
    this.status = status;
  }

  /** The kinds decided per request, at their rates; {@link #DENIED} is decided per item. */
  public static final Set<FaultKind> PER_REQUEST =
      Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(DENIED)));

  /** The HTTP status the client sees, 0 when it sees none. */
  public int status() {
    return status;
  }
}
