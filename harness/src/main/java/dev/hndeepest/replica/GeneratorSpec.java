package dev.hndeepest.replica;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@link HnDataGenerator} generates: the same spec always gives the same items.
 *
 * @param seed seeds every random choice
 * @param start the first second of the span (whole seconds; inclusive)
 * @param hours the length of the span
 * @param postsPerHour average stories, polls and jobs per hour (55 on HN in 2025)
 * @param commentsPerHour average comments per hour (520 on HN in 2025)
 * @param firstId the id of the first id slot in the span; earlier ids belong to older items
 * @param outlierShare share of 30,000-id stretches holding a few items whose {@code time} is days
 *     away from their id neighbours, as on the live API ({@value #LIVE_OUTLIER_SHARE}); 0 by
 *     default, so the bundled snapshot and the benchmark data stay as they are
 */
public record GeneratorSpec(
    long seed,
    Instant start,
    int hours,
    double postsPerHour,
    double commentsPerHour,
    long firstId,
    double outlierShare) {

  public static final double DEFAULT_POSTS_PER_HOUR = 55;
  public static final double DEFAULT_COMMENTS_PER_HOUR = 520;

  /** Roughly where HN's ids stood in mid-2025. */
  public static final long DEFAULT_FIRST_ID = 44_000_000;

  /** What archives of the live API show: about one 30,000-id stretch in ten holds far-off times. */
  public static final double LIVE_OUTLIER_SHARE = 0.1;

  /** A year: longer spans are no longer a "recent window". */
  public static final int MAX_HOURS = 24 * 366;

  public GeneratorSpec {
    if (start == null) {
      throw new IllegalArgumentException("start must not be null");
    }
    if (start.getNano() != 0) {
      throw new IllegalArgumentException("start must be a whole second: " + start);
    }
    if (hours < 1 || hours > MAX_HOURS) {
      throw new IllegalArgumentException("hours must be between 1 and " + MAX_HOURS + ": " + hours);
    }
    if (!(postsPerHour > 0 && postsPerHour <= 100_000)) {
      throw new IllegalArgumentException(
          "postsPerHour must be above 0 and at most 100000: " + postsPerHour);
    }
    if (!(commentsPerHour >= 0 && commentsPerHour <= 1_000_000)) {
      throw new IllegalArgumentException(
          "commentsPerHour must be between 0 and 1000000: " + commentsPerHour);
    }
    if (firstId < 1) {
      throw new IllegalArgumentException("firstId must be at least 1: " + firstId);
    }
    if (!(outlierShare >= 0 && outlierShare <= 1)) {
      throw new IllegalArgumentException("outlierShare must be between 0 and 1: " + outlierShare);
    }
  }

  /** A span of {@code hours} ending at {@code end}, with HN's 2025 rates. */
  public static GeneratorSpec endingAt(long seed, Instant end, int hours) {
    return startingAt(seed, end.minus(Duration.ofHours(hours)), hours);
  }

  /** A span of {@code hours} starting at {@code start}, with HN's 2025 rates. */
  public static GeneratorSpec startingAt(long seed, Instant start, int hours) {
    return new GeneratorSpec(
        seed, start, hours, DEFAULT_POSTS_PER_HOUR, DEFAULT_COMMENTS_PER_HOUR, DEFAULT_FIRST_ID, 0);
  }

  public GeneratorSpec withRates(double newPostsPerHour, double newCommentsPerHour) {
    return new GeneratorSpec(seed, start, hours, newPostsPerHour, newCommentsPerHour, firstId, outlierShare);
  }

  public GeneratorSpec withSeed(long newSeed) {
    return new GeneratorSpec(newSeed, start, hours, postsPerHour, commentsPerHour, firstId, outlierShare);
  }

  public GeneratorSpec withFirstId(long newFirstId) {
    return new GeneratorSpec(seed, start, hours, postsPerHour, commentsPerHour, newFirstId, outlierShare);
  }

  public GeneratorSpec withOutlierShare(double newOutlierShare) {
    return new GeneratorSpec(seed, start, hours, postsPerHour, commentsPerHour, firstId, newOutlierShare);
  }

  /** The end of the span (exclusive for events; no item time exceeds it, planted far-off times excepted). */
  public Instant end() {
    return start.plus(Duration.ofHours(hours));
  }
}
