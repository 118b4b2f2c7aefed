package dev.hndeepest.replica;

import java.util.SplittableRandom;

/**
 * Event times of a Poisson process whose rate follows HN's day: highest around 15:00 UTC (US
 * morning), lowest around 03:00 UTC, averaging exactly the nominal rate over a whole day.
 */
final class ArrivalProcess {

  /** How far the rate swings above and below its daily average. */
  static final double DAILY_SWING = 0.35;

  private static final double PEAK_HOUR_UTC = 15;

  private final double peakPerSecond;

  ArrivalProcess(double perHour) {
    this.peakPerSecond = perHour / 3600 * (1 + DAILY_SWING);
  }

  /** The next event strictly after {@code after} (epoch seconds), by thinning. */
  double next(double after, SplittableRandom random) {
    double time = after;
    while (true) {
      time += -StrictMath.log(1 - random.nextDouble()) / peakPerSecond;
      if (random.nextDouble() * (1 + DAILY_SWING) <= 1 + DAILY_SWING * dailyShape(time)) {
        return time;
      }
    }
  }

  private static double dailyShape(double epochSeconds) {
    double hourOfDay = (epochSeconds / 3600) % 24;
    return StrictMath.sin(2 * Math.PI * (hourOfDay - PEAK_HOUR_UTC + 6) / 24);
  }
}
