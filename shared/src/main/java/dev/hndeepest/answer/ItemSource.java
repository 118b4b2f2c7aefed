package dev.hndeepest.answer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.hndeepest.config.Defaults;
import java.net.URI;
import java.util.Arrays;

/**
 * Where an answer's items came from (PRODUCT.md §2 {@code source}): only items of the official API
 * have ids that are HN's, so only they get links to news.ycombinator.com.
 */
public enum ItemSource {
  /** The official Firebase API. */
  FIREBASE("firebase"),
  /** The bundled synthetic demo data. */
  SNAPSHOT("snapshot"),
  /** Any other base URL (a replica, a mirror). */
  CUSTOM("custom");

  private final String label;

  ItemSource(String label) {
    this.label = label;
  }

  /** {@link #FIREBASE} for the official base URL (trailing slashes aside), else {@link #CUSTOM}. */
  public static ItemSource of(URI baseUrl) {
    return stripSlashes(baseUrl.toString()).equalsIgnoreCase(Defaults.FIREBASE_BASE_URL) ? FIREBASE : CUSTOM;
  }

  /** The HN page of item {@code id}; null unless the ids are HN's. */
  public String hnUrl(long id) {
    return this == FIREBASE ? "https://news.ycombinator.com/item?id=" + id : null;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static ItemSource ofLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown source " + label));
  }

  private static String stripSlashes(String url) {
    int end = url.length();
    while (end > 0 && url.charAt(end - 1) == '/') {
      end--;
    }
    return url.substring(0, end);
  }
}
