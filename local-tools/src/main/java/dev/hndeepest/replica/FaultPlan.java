package dev.hndeepest.replica;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How often the replica misbehaves, per request. Each request gets at most one fault; the decision
 * for the n-th request depends only on the seed and n, so a sequential client sees the same faults
 * on every run.
 *
 * @param seed seeds the per-request decisions
 * @param tooManyRequestsRate share of requests answered 429
 * @param internalErrorRate share of requests answered 500
 * @param unavailableRate share of requests answered 503
 * @param slowRate share of requests answered correctly after {@code slowDelay} more
 * @param slowDelay the extra delay of a slow answer
 * @param truncateRate share of requests whose body is cut in half
 * @param dropRate share of requests whose connection closes without an answer
 */
public record FaultPlan(
    long seed,
    double tooManyRequestsRate,
    double internalErrorRate,
    double unavailableRate,
    double slowRate,
    Duration slowDelay,
    double truncateRate,
    double dropRate) {

  /** The share of 429 and 503 answers that carry {@code Retry-After}. */
  public static final double RETRY_AFTER_SHARE = 0.5;

  /** The {@code Retry-After} a 429 or 503 carries when it carries one. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(2);
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  public FaultPlan {
    requireRate("tooManyRequestsRate", tooManyRequestsRate);
    requireRate("internalErrorRate", internalErrorRate);
    requireRate("unavailableRate", unavailableRate);
    requireRate("slowRate", slowRate);
    requireRate("truncateRate", truncateRate);
    requireRate("dropRate", dropRate);
    double total =
        tooManyRequestsRate
            + internalErrorRate
            + unavailableRate
            + slowRate
            + truncateRate
            + dropRate;
    if (total > 1.0 + 1e-9) {
      throw new IllegalArgumentException(
          "fault rates add up to %.3f; a request gets at most one fault, so at most 1"
              .formatted(total));
    }
    if (slowDelay == null || slowDelay.isNegative()) {
      throw new IllegalArgumentException("slowDelay must be zero or positive: " + slowDelay);
    }
  }

  /** No faults at all. */
  public static FaultPlan none() {
    return new FaultPlan(0, 0, 0, 0, 0, DEFAULT_SLOW_DELAY, 0, 0);
  }

  public FaultPlan withSeed(long newSeed) {
    return new FaultPlan(
        newSeed,
        tooManyRequestsRate,
        internalErrorRate,
        unavailableRate,
        slowRate,
        slowDelay,
        truncateRate,
        dropRate);
  }

  /** Sets the three error statuses separately. */
  public FaultPlan withErrors(double tooManyRequests, double internalError, double unavailable) {
    return new FaultPlan(
        seed,
        tooManyRequests,
        internalError,
        unavailable,
        slowRate,
        slowDelay,
        truncateRate,
        dropRate);
  }

  /** Spreads one error rate evenly over 429, 500 and 503. */
  public FaultPlan withErrorRate(double errorRate) {
    requireRate("errorRate", errorRate);
    return withErrors(errorRate / 3, errorRate / 3, errorRate / 3);
  }

  public FaultPlan withSlow(double rate, Duration delay) {
    return new FaultPlan(
        seed,
        tooManyRequestsRate,
        internalErrorRate,
        unavailableRate,
        rate,
        delay,
        truncateRate,
        dropRate);
  }

  public FaultPlan withTruncateRate(double rate) {
    return new FaultPlan(
        seed,
        tooManyRequestsRate,
        internalErrorRate,
        unavailableRate,
        slowRate,
        slowDelay,
        rate,
        dropRate);
  }

  public FaultPlan withDropRate(double rate) {
    return new FaultPlan(
        seed,
        tooManyRequestsRate,
        internalErrorRate,
        unavailableRate,
        slowRate,
        slowDelay,
        truncateRate,
        rate);
  }

  /** The share of requests that get any fault. */
  public double totalRate() {
    return tooManyRequestsRate
        + internalErrorRate
        + unavailableRate
        + slowRate
        + truncateRate
        + dropRate;
  }

  /** The fault for the request with this sequence number (0 for the first), if any. */
  public Optional<Fault> decide(long requestNumber) {
    if (totalRate() == 0) {
      return Optional.empty();
    }
    var random = new SplittableRandom(seed + requestNumber * GOLDEN_GAMMA);
    double draw = random.nextDouble();
    boolean retryAfter = random.nextDouble() < RETRY_AFTER_SHARE;
    double bound = tooManyRequestsRate;
    if (draw < bound) {
      return Optional.of(errorStatus(FaultKind.TOO_MANY_REQUESTS, retryAfter));
    }
    if (draw < (bound += internalErrorRate)) {
      return Optional.of(errorStatus(FaultKind.INTERNAL_ERROR, false));
    }
    if (draw < (bound += unavailableRate)) {
      return Optional.of(errorStatus(FaultKind.UNAVAILABLE, retryAfter));
    }
    if (draw < (bound += slowRate)) {
      return Optional.of(new Fault.Slow(slowDelay));
    }
    if (draw < (bound += truncateRate)) {
      return Optional.of(new Fault.Truncated());
    }
    if (draw < bound + dropRate) {
      return Optional.of(new Fault.Dropped());
    }
    return Optional.empty();
  }

  private static Fault errorStatus(FaultKind kind, boolean retryAfter) {
    return new Fault.ErrorStatus(kind, retryAfter ? Optional.of(RETRY_AFTER) : Optional.empty());
  }

  private static void requireRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1: " + rate);
    }
  }
}
