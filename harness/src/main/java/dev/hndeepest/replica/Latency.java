package dev.hndeepest.replica;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The replica's delay before each answer: fixed ({@code sigma} 0) or lognormal with the given mean
 * and shape. A lognormal with mean m and shape σ has median m·e^(−σ²/2) and p99 m·e^(2.326σ − σ²/2):
 * σ = 0.97 puts the p99 at 6.0× the mean (σ = 0.9: 5.4×), a heavy tail like a busy public API's.
 * Each request's draw depends only on its sequence number, so a run's delays are reproducible.
 *
 * @param mean the average delay
 * @param sigma the lognormal shape (standard deviation of the log); 0 for a fixed delay
 */
public record Latency(Duration mean, double sigma) {
  /** The 99th percentile of the standard normal distribution. */
  static final double Z99 = 2.3263;

  public Latency {
    if (mean == null || mean.isNegative()) {
      throw new IllegalArgumentException("latency must be zero or positive: " + mean);
    }
    if (!(sigma >= 0 && sigma <= 3)) {
      throw new IllegalArgumentException("the latency's lognormal sigma must be from 0 to 3, got " + sigma);
    }
  }

  public static Latency fixed(Duration delay) {
    return new Latency(delay, 0);
  }

  public static Latency logNormal(Duration mean, double sigma) {
    return new Latency(mean, sigma);
  }

  public boolean isFixed() {
    return sigma == 0;
  }

  /** The delay of the request with this sequence number. */
  Duration draw(long sequence) {
    if (isFixed() || mean.isZero()) {
      return mean;
    }
    var random = new SplittableRandom(0x9E3779B97F4A7C15L * (sequence + 1));
    double median = mean.toNanos() * StrictMath.exp(-sigma * sigma / 2);
    return Duration.ofNanos(Math.round(Gaussian.logNormal(random, median, sigma)));
  }

  /** The 99th percentile as a multiple of the mean: e^(2.326σ − σ²/2). */
  public double p99OverMean() {
    return StrictMath.exp(Z99 * sigma - sigma * sigma / 2);
  }

  /** For the report: "20 ms" or "lognormal, mean 20 ms, sigma 0.97 (p99 = 6.0x the mean)". */
  public String describe() {
    return isFixed()
        ? mean.toMillis() + " ms"
        : String.format(java.util.Locale.ROOT, "lognormal, mean %d ms, sigma %.2f (median %.1f ms, p99 %.0f ms = %.1fx the mean)",
            mean.toMillis(), sigma, mean.toNanos() * StrictMath.exp(-sigma * sigma / 2) / 1e6,
            mean.toNanos() * p99OverMean() / 1e6, p99OverMean());
  }
}
