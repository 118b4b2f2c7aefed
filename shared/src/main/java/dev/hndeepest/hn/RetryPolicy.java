package dev.hndeepest.hn;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How patiently failed HN requests are repeated (PRODUCT.md §5): retries are not counted per
 * request. A failing request is repeated for as long as the API as a whole makes progress, with
 * exponential backoff and full jitter: before retry {@code n} (1-based) the client sleeps a
 * uniformly random time in {@code [0, min(maxBackoff, initialBackoff × 2^(n-1))]}; a server's
 * {@code Retry-After} replaces that draw but is capped at {@code maxBackoff}. The run gives up
 * only once no request at all has succeeded for {@code stallTimeout}.
 *
 * @param initialBackoff the cap of the jittered sleep before the first retry
 * @param maxBackoff the cap no sleep exceeds, {@code Retry-After} included
 * @param stallTimeout how long the client goes on without any successful request before it gives
 *     up on every request; see {@link HnClientConfig#worstCaseGiveUp()} for the resulting bound
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration stallTimeout) {

  /** Longer sleeps would stall a Lambda invocation rather than be polite to the API. */
  static final Duration LONGEST_ALLOWED_BACKOFF = Duration.ofHours(1);
  /** A run that has seen no answer for an hour is not coming back. */
  public static final Duration LONGEST_ALLOWED_STALL = Duration.ofHours(1);
  /** The command's stall timeout (PRODUCT.md §6, {@code --stall-seconds}). */
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);

  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(stallTimeout, "stallTimeout");
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff must be positive, was " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
    }
    if (maxBackoff.compareTo(LONGEST_ALLOWED_BACKOFF) > 0) {
      throw new IllegalArgumentException(
          "maxBackoff must be at most " + LONGEST_ALLOWED_BACKOFF + ", was " + maxBackoff);
    }
    if (stallTimeout.isNegative() || stallTimeout.isZero() || stallTimeout.compareTo(LONGEST_ALLOWED_STALL) > 0) {
      throw new IllegalArgumentException(
          "stallTimeout must be positive and at most " + LONGEST_ALLOWED_STALL + ", was " + stallTimeout);
    }
  }

  /** The command's policy: backoff caps 100 ms, 200 ms, … up to 4 s; gives up after 30 s without progress. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(INITIAL_BACKOFF, MAX_BACKOFF, DEFAULT_STALL_TIMEOUT);
  }

  public RetryPolicy withStallTimeout(Duration newStallTimeout) {
    return new RetryPolicy(initialBackoff, maxBackoff, newStallTimeout);
  }

  /** The upper bound of the jittered sleep before retry {@code retryNumber} (1-based). */
  public Duration backoffCap(int retryNumber) {
    if (retryNumber < 1) {
      throw new IllegalArgumentException("retryNumber is 1-based, was " + retryNumber);
    }
    long capNanos = maxBackoff.toNanos();
    long initialNanos = initialBackoff.toNanos();
    int doublings = retryNumber - 1;
    // Saturate instead of overflowing the shift for large retry numbers.
    boolean reachesCap = doublings >= Long.SIZE - 1 || initialNanos > (capNanos >> doublings);
    return Duration.ofNanos(reachesCap ? capNanos : initialNanos << doublings);
  }

  /**
   * The sleep before retry {@code retryNumber}: the server's {@code Retry-After} when given
   * (capped at {@code maxBackoff}), else a full-jitter draw in {@code [0, backoffCap]}.
   */
  public Duration delayBeforeRetry(int retryNumber, Optional<Duration> retryAfter, RandomGenerator random) {
    Duration cap = backoffCap(retryNumber);
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get();
      if (asked.isNegative()) {
        return Duration.ZERO;
      }
      return asked.compareTo(maxBackoff) > 0 ? maxBackoff : asked;
    }
    return Duration.ofNanos(random.nextLong(cap.toNanos() + 1));
  }
}
