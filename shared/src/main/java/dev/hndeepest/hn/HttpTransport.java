package dev.hndeepest.hn;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Sends one GET and reads the whole answer; blocks the calling (virtual) thread. */
interface HttpTransport extends AutoCloseable {

  /** What the server answered: status, its {@code Retry-After} header if any, and the body. */
  record Response(int status, Optional<String> retryAfter, byte[] body) {}

  /**
   * @throws java.net.http.HttpConnectTimeoutException or {@link java.net.SocketTimeoutException}
   *     when connecting or reading took longer than the attempt's deadline
   * @throws TimeoutException when the whole answer took longer than the deadline
   * @throws IOException on any other fault on the wire
   */
  Response get(URI url) throws IOException, TimeoutException;

  /** Stops the client; requests still in flight fail. */
  @Override
  void close();

  static HttpTransport of(HnClientConfig config) {
    return switch (config.httpClient()) {
      case URL_CONNECTION -> new UrlConnectionTransport(config);
      case JAVA_NET_HTTP -> new JavaNetHttpTransport(config);
    };
  }
}
