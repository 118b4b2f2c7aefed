package dev.hndeepest.hn;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a failed HN request is repeated: exponential backoff with full
 * jitter. Before retry {@code n} (1-based) the client sleeps a uniformly random time in
 * {@code [0, min(maxBackoff, initialBackoff × 2^(n-1))]}; a server's {@code Retry-After} replaces
 * that draw but is capped at {@code maxBackoff}.
 *
 * <p>Worst case sleeping before giving up: {@code (maxAttempts - 1) × maxBackoff} (every answer
 * asks for a long {@code Retry-After}); without {@code Retry-After} at most the sum of the caps.
 * For the {@link #defaults()} (6 attempts, 100 ms → 4 s) that is 20 s, or 0.1 + 0.2 + 0.4 + 0.8 +
 * 1.6 = 3.1 s without {@code Retry-After}. {@link HnClientConfig#worstCaseGiveUp()} adds the time
 * the attempts themselves may take.
 *
 * @param maxAttempts attempts in all, the first one included (1 means never retry)
 * @param initialBackoff the cap of the jittered sleep before the first retry
 * @param maxBackoff the cap no sleep exceeds, {@code Retry-After} included
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** Longer sleeps would stall a Lambda invocation rather than be polite to the API. */
  static final Duration LONGEST_ALLOWED_BACKOFF = Duration.ofHours(1);

  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
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
  }

  /** 6 attempts, backoff caps 100 ms, 200 ms, … up to 4 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(4));
  }

  /**
   * The queue worker's policy: 8 attempts, backoff caps 100 ms … 4 s. A work message fails on the
   * first of its hundreds of requests that gives up and comes back only a visibility timeout later
   * (18 minutes as deployed), so patience inside the invocation is far cheaper than a redelivery:
   * with 26% of answers failing independently a request gives up with odds 0.26^8 ≈ 2e-5 instead of
   * 0.26^6 ≈ 3e-4. Worst case sleeping 28 s (10.3 s without {@code Retry-After}); with 5 s attempts
   * 68 s per request, well inside the worker's 180 s timeout.
   */
  public static RetryPolicy forQueueWorker() {
    return new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(4));
  }

  /** A policy that tries once and never retries. */
  public static RetryPolicy noRetries() {
    return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1));
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

  /** The longest the client may sleep between attempts before it gives up on one request. */
  public Duration longestTotalBackoff() {
    return maxBackoff.multipliedBy(maxAttempts - 1L);
  }
}
