package dev.hndeepest.replica;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How often the replica misbehaves. Each request gets at most one fault; the decision for the n-th
 * request depends only on the seed and n, so a sequential client sees the same faults on every run.
 * Denials are decided per item id instead, as the live API shows them: for a share of the items,
 * the first request answers {@code 401 {"error":"Permission denied"}} and later ones the item.
 *
 * @param seed seeds the per-request decisions
 * @param tooManyRequestsRate share of requests answered 429
 * @param internalErrorRate share of requests answered 500
 * @param unavailableRate share of requests answered 503
 * @param slowRate share of requests answered correctly after {@code slowDelay} more
 * @param slowDelay the extra delay of a slow answer
 * @param truncateRate share of requests whose body is cut in half
 * @param dropRate share of requests whose connection closes without an answer
 * @param denyRate share of items whose first request is denied (401), on top of the per-request faults
 */
public record FaultPlan(
    long seed,
    double tooManyRequestsRate,
    double internalErrorRate,
    double unavailableRate,
    double slowRate,
    Duration slowDelay,
    double truncateRate,
    double dropRate,
    double denyRate) {

  /** The share of 429 and 503 answers that carry {@code Retry-After}. */
  public static final double RETRY_AFTER_SHARE = 0.5;

  /** The {@code Retry-After} a 429 or 503 carries when it carries one. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(2);
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  /** Keeps an id's denial draw apart from the request-number draws of the same seed. */
  private static final long DENIAL_SALT = 0x5DEECE66DL;

  public FaultPlan {
    requireRate("tooManyRequestsRate", tooManyRequestsRate);
    requireRate("internalErrorRate", internalErrorRate);
    requireRate("unavailableRate", unavailableRate);
    requireRate("slowRate", slowRate);
    requireRate("truncateRate", truncateRate);
    requireRate("dropRate", dropRate);
    requireRate("denyRate", denyRate);
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
    return new FaultPlan(0, 0, 0, 0, 0, DEFAULT_SLOW_DELAY, 0, 0, 0);
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
        dropRate,
        denyRate);
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
        dropRate,
        denyRate);
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
        dropRate,
        denyRate);
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
        dropRate,
        denyRate);
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
        rate,
        denyRate);
  }

  /** Denies the first request of this share of the items (401 "Permission denied"), then answers. */
  public FaultPlan withDenyRate(double rate) {
    return new FaultPlan(
        seed,
        tooManyRequestsRate,
        internalErrorRate,
        unavailableRate,
        slowRate,
        slowDelay,
        truncateRate,
        dropRate,
        rate);
  }

  /**
   * Spreads {@code rate} evenly over every per-request kind: 429, 500, 503, slow, truncated and
   * dropped, each {@code rate / 6}.
   */
  public FaultPlan withEveryKind(double rate) {
    requireRate("rate", rate);
    double each = rate / 6;
    return withErrors(each, each, each).withSlow(each, slowDelay).withTruncateRate(each).withDropRate(each);
  }

  /** The share of requests that get any per-request fault (denials, decided per item, not included). */
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

  /** Whether the first request for this item is denied; the same for a given seed and id on every run. */
  public boolean deniesFirstRequest(long itemId) {
    return denyRate > 0 && new SplittableRandom((seed ^ DENIAL_SALT) + itemId * GOLDEN_GAMMA).nextDouble() < denyRate;
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
