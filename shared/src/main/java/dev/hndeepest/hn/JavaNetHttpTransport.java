package dev.hndeepest.hn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link HttpTransport} over {@code java.net.http}: HTTP/2 for https, HTTP/1.1 for a loopback replica. */
final class JavaNetHttpTransport implements HttpTransport {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;
  private final Duration timeout;

  JavaNetHttpTransport(HnClientConfig config) {
    this.timeout = config.requestTimeout();
    this.http = HttpClient.newBuilder()
        .executor(executor)
        .version(config.isHttps() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  @Override
  public Response get(URI url) throws IOException, TimeoutException {
    var request = HttpRequest.newBuilder(url)
        .GET()
        .timeout(timeout)
        .header("Accept", "application/json")
        .header("User-Agent", "hn-deepest")
        .build();
    var pending = http.sendAsync(request, BodyHandlers.ofByteArray());
    try {
      // The request's own timeout stops at the headers; this deadline covers the body too.
      HttpResponse<byte[]> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return new Response(response.statusCode(), response.headers().firstValue("Retry-After"), response.body());
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw e;
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new HnUnavailableException("interrupted while fetching " + url, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new HnUnavailableException("request to " + url + " failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    http.shutdownNow();
    executor.shutdownNow();
  }
}
