package dev.hndeepest.replica;

import java.util.SplittableRandom;

/**
 * Standard normal draws by Box-Muller on {@link StrictMath}, so a seed gives the same numbers on
 * every JVM (the JDK's own {@code nextGaussian} is free to change between releases).
 */
final class Gaussian {

  private Gaussian() {}

  static double next(SplittableRandom random) {
    double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
    return radius * StrictMath.cos(2 * Math.PI * random.nextDouble());
  }

  /** exp(sigma * N(0,1)) times the median. */
  static double logNormal(SplittableRandom random, double median, double sigma) {
    return median * StrictMath.exp(sigma * next(random));
  }
}
