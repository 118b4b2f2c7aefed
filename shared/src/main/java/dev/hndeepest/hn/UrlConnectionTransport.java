package dev.hndeepest.hn;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link HttpTransport} over {@code HttpURLConnection}: a blocking socket per request in flight,
 * kept alive for the next one. The JDK keeps at most {@code http.maxConnections} idle connections
 * per host (default 5, read once per JVM), so the launcher and the functions' JAVA_TOOL_OPTIONS
 * raise it to the largest concurrency; this class raises it too when nothing has set it yet.
 */
final class UrlConnectionTransport implements HttpTransport {
  /** Idle connections kept per host when nothing else says: the largest HN concurrency the template allows. */
  static final String KEEP_ALIVE_CONNECTIONS = "256";

  static {
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", KEEP_ALIVE_CONNECTIONS);
    }
  }

  private final int timeoutMillis;
  private final Set<HttpURLConnection> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  UrlConnectionTransport(HnClientConfig config) {
    this.timeoutMillis = Math.toIntExact(Math.max(1, config.requestTimeout().toMillis()));
  }

  @Override
  public Response get(URI url) throws IOException {
    if (closed) {
      throw new IOException("the HN client is closed");
    }
    var connection = (HttpURLConnection) url.toURL().openConnection();
    connection.setConnectTimeout(timeoutMillis);
    connection.setReadTimeout(timeoutMillis);
    connection.setUseCaches(false);
    connection.setRequestProperty("Accept", "application/json");
    connection.setRequestProperty("User-Agent", "hn-deepest");
    inFlight.add(connection);
    try {
      int status = connection.getResponseCode();
      var retryAfter = Optional.ofNullable(connection.getHeaderField("Retry-After"));
      byte[] body = readAll(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
      long promised = connection.getContentLengthLong();
      if (promised >= 0 && promised != body.length) {
        connection.disconnect();
        throw new IOException("answer cut short: " + body.length + " of " + promised + " bytes");
      }
      return new Response(status, retryAfter, body);
    } catch (IOException e) {
      connection.disconnect();
      if (Thread.currentThread().isInterrupted()) {
        throw new HnUnavailableException("interrupted while fetching " + url, e);
      }
      throw e;
    } finally {
      inFlight.remove(connection);
    }
  }

  /** Reads to the end and closes, which hands the connection back to the keep-alive cache. */
  private static byte[] readAll(InputStream in) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    try (in) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    closed = true;
    inFlight.forEach(HttpURLConnection::disconnect);
  }
}
