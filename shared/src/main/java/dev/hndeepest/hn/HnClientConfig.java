package dev.hndeepest.hn;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link FirebaseHnClient} talks to an HN API.
 *
 * <p>How long a run goes on against an API that stopped answering ({@link #worstCaseGiveUp()}):
 * every request gives up once none has succeeded for the retry policy's stall timeout, checked
 * before every attempt, after every failure, while sleeping and while waiting for a slot; only an
 * attempt already in flight at that moment can run on, for at most {@code requestTimeout}. So the
 * client gives up at most {@code stallTimeout + requestTimeout} after its last successful request
 * (or since requests got under way after a quiet spell): 30 s + 5 s = 35 s with
 * {@link #defaults(URI)}, about 30 s when connections are refused or errors come back at once.
 *
 * @param baseUrl the API root, e.g. {@code https://hacker-news.firebaseio.com/v0} (http or https)
 * @param maxConcurrency the most requests in flight at once, over all callers of one client
 * @param requestTimeout the deadline of one attempt: connecting, and each wait for the answer's bytes
 *     (with {@code java.net.http}: the headers and the whole body)
 * @param retry when and how patiently failed attempts are repeated
 * @param httpClient which JDK HTTP client sends the requests
 */
public record HnClientConfig(
    URI baseUrl, int maxConcurrency, Duration requestTimeout, RetryPolicy retry, HttpClientKind httpClient) {

  public static final int DEFAULT_MAX_CONCURRENCY = 64;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  public HnClientConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(httpClient, "httpClient");
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

  /** 64 requests in flight, 5 s per attempt, {@link RetryPolicy#defaults()}, {@link HttpClientKind#configured()}. */
  public static HnClientConfig defaults(URI baseUrl) {
    return new HnClientConfig(baseUrl, DEFAULT_MAX_CONCURRENCY, DEFAULT_REQUEST_TIMEOUT, RetryPolicy.defaults(),
        HttpClientKind.configured());
  }

  public HnClientConfig withBaseUrl(URI baseUrl) {
    return new HnClientConfig(baseUrl, maxConcurrency, requestTimeout, retry, httpClient);
  }

  public HnClientConfig withMaxConcurrency(int maxConcurrency) {
    return new HnClientConfig(baseUrl, maxConcurrency, requestTimeout, retry, httpClient);
  }

  public HnClientConfig withRequestTimeout(Duration requestTimeout) {
    return new HnClientConfig(baseUrl, maxConcurrency, requestTimeout, retry, httpClient);
  }

  public HnClientConfig withRetry(RetryPolicy retry) {
    return new HnClientConfig(baseUrl, maxConcurrency, requestTimeout, retry, httpClient);
  }

  public HnClientConfig withHttpClient(HttpClientKind httpClient) {
    return new HnClientConfig(baseUrl, maxConcurrency, requestTimeout, retry, httpClient);
  }

  public HnClientConfig withStallTimeout(Duration stallTimeout) {
    return withRetry(retry.withStallTimeout(stallTimeout));
  }

  /**
   * The longest the client goes on after its last successful request (or since requests got under
   * way after a quiet spell) before every request has given up: the stall timeout plus one attempt
   * (see the type's javadoc).
   */
  public Duration worstCaseGiveUp() {
    return retry.stallTimeout().plus(requestTimeout);
  }

  /** With {@code java.net.http}, https gets HTTP/2; plain http stays on HTTP/1.1 so a loopback replica works. */
  boolean isHttps() {
    return "https".equalsIgnoreCase(baseUrl.getScheme());
  }
}
