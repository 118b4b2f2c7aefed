package dev.hndeepest.hn;

import dev.hndeepest.hn.HnJsonReader.MalformedBodyException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends GET requests with a bounded number in flight, a deadline per attempt and jittered retries
 * on transient faults; counts every attempt.
 */
final class RetryingHttpFetcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RetryingHttpFetcher.class);

  /** Turns a response body into a value, or says the body is malformed. */
  @FunctionalInterface
  interface BodyParser<T> {
    T parse(byte[] body) throws MalformedBodyException;
  }

  /** What one attempt came to. */
  private sealed interface Attempt<T> {}

  private record Answered<T>(T value) implements Attempt<T> {}

  private record Failed<T>(String reason, Optional<Duration> retryAfter) implements Attempt<T> {
    Failed(String reason) {
      this(reason, Optional.empty());
    }
  }

  private final ExecutorService httpExecutor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;
  private final Semaphore slots;
  private final Duration requestTimeout;
  private final RetryPolicy retry;
  private final LongAdder requests = new LongAdder();
  private final LongAdder retries = new LongAdder();

  RetryingHttpFetcher(HnClientConfig config) {
    this.requestTimeout = config.requestTimeout();
    this.retry = config.retry();
    // Fair, so a caller that has waited long for a slot is not overtaken by newcomers.
    this.slots = new Semaphore(config.maxConcurrency(), true);
    this.http = HttpClient.newBuilder()
        .executor(httpExecutor)
        .version(config.isHttps() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.requestTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  long requests() {
    return requests.sum();
  }

  long retries() {
    return retries.sum();
  }

  /**
   * The parsed answer of {@code url}. Retries 429, 5xx, timeouts, I/O faults and malformed bodies
   * up to the policy's attempts; fails at once on other non-2xx statuses.
   *
   * @throws HnRequestRejectedException on a status retrying cannot fix
   * @throws HnUnavailableException when every attempt failed, or the thread was interrupted
   */
  <T> T get(URI url, BodyParser<T> parser) {
    for (int attemptNumber = 1; ; attemptNumber++) {
      if (attemptNumber > 1) {
        retries.increment();
      }
      int attemptsSoFar = attemptNumber;
      switch (attempt(url, parser)) {
        case Answered<T> answered -> {
          return answered.value();
        }
        case Failed<T> failed when attemptsSoFar >= retry.maxAttempts() -> {
          log.warn("HN request {} gave up after {} attempts: {}", url, attemptsSoFar, failed.reason());
          throw new HnUnavailableException(
              "gave up on " + url + " after " + attemptsSoFar + " attempts; last failure: " + failed.reason());
        }
        case Failed<T> failed -> {
          Duration delay = retry.delayBeforeRetry(attemptNumber, failed.retryAfter(), ThreadLocalRandom.current());
          log.debug("HN request {} failed ({}); retry {} of {} in {} ms",
              url, failed.reason(), attemptNumber, retry.maxAttempts() - 1, delay.toMillis());
          sleep(delay, url);
        }
      }
    }
  }

  private <T> Attempt<T> attempt(URI url, BodyParser<T> parser) {
    HttpResponse<byte[]> response;
    try {
      response = send(url);
    } catch (HttpConnectTimeoutException e) {
      return new Failed<>("connect timed out after " + requestTimeout.toMillis() + " ms");
    } catch (HttpTimeoutException | TimeoutException e) {
      return new Failed<>("timed out after " + requestTimeout.toMillis() + " ms");
    } catch (IOException e) {
      return new Failed<>(describe(e));
    }
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      boolean mayAskToWait = status == 429 || status == 503;
      return new Failed<>("status " + status, mayAskToWait ? retryAfter(response) : Optional.empty());
    }
    if (status < 200 || status >= 300) {
      log.warn("HN request {} rejected with status {}", url, status);
      throw new HnRequestRejectedException(url, status);
    }
    try {
      return new Answered<>(parser.parse(response.body()));
    } catch (MalformedBodyException e) {
      return new Failed<>(e.getMessage());
    }
  }

  /** One attempt; holds a slot only while the request is in flight, never while parsing or sleeping. */
  private HttpResponse<byte[]> send(URI url) throws IOException, TimeoutException {
    HttpRequest request = HttpRequest.newBuilder(url)
        .GET()
        .timeout(requestTimeout)
        .header("Accept", "application/json")
        .header("User-Agent", "hn-deepest")
        .build();
    acquireSlot(url);
    try {
      requests.increment();
      var pending = http.sendAsync(request, BodyHandlers.ofByteArray());
      try {
        // The request's own timeout stops at the headers; this deadline covers the body too.
        return pending.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
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
        throw new HnUnavailableException("request to " + url + " failed: " + describe(e.getCause()), e.getCause());
      }
    } finally {
      slots.release();
    }
  }

  private void acquireSlot(URI url) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HnUnavailableException("interrupted while waiting to fetch " + url, e);
    }
  }

  private static void sleep(Duration delay, URI url) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HnUnavailableException("interrupted while waiting to retry " + url, e);
    }
  }

  /** {@code Retry-After} in delta-seconds; the HTTP-date form is ignored (the jittered backoff applies). */
  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      try {
        long seconds = Long.parseLong(value.strip());
        return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  /** One line naming the fault, e.g. {@code ConnectException: could not connect}; never a stack trace. */
  private static String describe(Throwable fault) {
    String name = fault.getClass().getSimpleName();
    // The JDK client often leaves the outer message empty and puts the reason in a cause.
    for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && !message.isBlank()) {
        return name + ": " + message.lines().findFirst().orElse("").strip();
      }
    }
    return fault instanceof ConnectException ? name + ": could not connect" : name;
  }

  @Override
  public void close() {
    http.shutdownNow();
    httpExecutor.shutdownNow();
  }
}
