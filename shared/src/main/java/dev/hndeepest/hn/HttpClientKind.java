package dev.hndeepest.hn;

import java.util.Locale;

/**
 * Which JDK HTTP client {@link FirebaseHnClient} sends its requests with. Both block a virtual
 * thread per request in flight; they differ in CPU per request (BENCHMARKS.md measures both).
 */
public enum HttpClientKind {
  /** {@code HttpURLConnection}: one blocking socket per request in flight, kept alive between requests. */
  URL_CONNECTION("url-connection"),
  /** {@code java.net.http.HttpClient}: asynchronous, HTTP/2 over https. */
  JAVA_NET_HTTP("java-net-http");

  /** The system property that picks the kind for clients built with the defaults. */
  public static final String PROPERTY = "hn.httpClient";

  private final String label;

  HttpClientKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The kind named by {@value #PROPERTY}, else {@link #URL_CONNECTION}: the one that costs less CPU per request. */
  public static HttpClientKind configured() {
    String name = System.getProperty(PROPERTY);
    if (name == null || name.isBlank()) {
      return URL_CONNECTION;
    }
    for (var kind : values()) {
      if (kind.label.equals(name.strip().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException("-D" + PROPERTY + " must be url-connection or java-net-http, was " + name);
  }
}
