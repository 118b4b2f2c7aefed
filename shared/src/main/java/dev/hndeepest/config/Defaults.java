package dev.hndeepest.config;

import dev.hndeepest.hn.HnClientConfig;

/**
 * What the command line falls back on when neither an option nor a variable names a setting. The
 * functions have no such fallbacks: they take every value from the environment template.yaml gives
 * them, whose parameter defaults a test holds equal to these where both exist.
 */
public final class Defaults {
  /** The official HN API (PRODUCT.md §5); a String so that picocli annotations can use it. */
  public static final String FIREBASE_BASE_URL = "https://hacker-news.firebaseio.com/v0";
  public static final int MAX_HOURS = 720;
  public static final int HN_CONCURRENCY = HnClientConfig.DEFAULT_MAX_CONCURRENCY;

  private Defaults() {}
}
