package dev.hndeepest.hn;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link FirebaseHnClient} talks to an HN API.
 *
 * <p>Worst case for one request to give up ({@link #worstCaseGiveUp()}): {@code maxAttempts ×
 * requestTimeout} spent in attempts plus {@link RetryPolicy#longestTotalBackoff()} spent sleeping,
 * not counting time spent waiting for one of the {@code maxConcurrency} slots. With
 * {@link #defaults(URI)} that is 6 × 5 s + 5 × 4 s = 50 s; when the API merely answers errors
 * quickly without {@code Retry-After} it is about 3.1 s.
 *
 * @param baseUrl the API root, e.g. {@code https://hacker-news.firebaseio.com/v0} (http or https)
 * @param maxConcurrency the most requests in flight at once, over all callers of one client
 * @param requestTimeout the deadline of one attempt: connecting, headers and the whole body
 * @param retry when and how patiently failed attempts are repeated
 */
public record HnClientConfig(URI baseUrl, int maxConcurrency, Duration requestTimeout, RetryPolicy retry) {

  public static final int DEFAULT_MAX_CONCURRENCY = 64;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  public HnClientConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retry, "retry");
    String scheme = baseUrl.getScheme();
    boolean httpScheme = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    if (!httpScheme || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, was " + baseUrl);
    }
    if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
      throw new IllegalArgumentException("baseUrl must not have a query or fragment, was " + baseUrl);
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
    }
  }

  /** 64 requests in flight, 5 s per attempt, {@link RetryPolicy#defaults()}. */
  public static HnClientConfig defaults(URI baseUrl) {
    return new HnClientConfig(baseUrl, DEFAULT_MAX_CONCURRENCY, DEFAULT_REQUEST_TIMEOUT, RetryPolicy.defaults());
  }

  public HnClientConfig withBaseUrl(URI baseUrl) {
    return new HnClientConfig(baseUrl, maxConcurrency, requestTimeout, retry);
  }

  public HnClientConfig withMaxConcurrency(int maxConcurrency) {
    return new HnClientConfig(baseUrl, maxConcurrency, requestTimeout, retry);
  }

  public HnClientConfig withRequestTimeout(Duration requestTimeout) {
    return new HnClientConfig(baseUrl, maxConcurrency, requestTimeout, retry);
  }

  public HnClientConfig withRetry(RetryPolicy retry) {
    return new HnClientConfig(baseUrl, maxConcurrency, requestTimeout, retry);
  }

  /** The longest one request can take before the client gives up on it (see the type's javadoc). */
  public Duration worstCaseGiveUp() {
    return requestTimeout.multipliedBy(retry.maxAttempts()).plus(retry.longestTotalBackoff());
  }

  /** The https scheme gets HTTP/2; plain http stays on HTTP/1.1 so a loopback replica works. */
  boolean isHttps() {
    return "https".equalsIgnoreCase(baseUrl.getScheme());
  }
}
