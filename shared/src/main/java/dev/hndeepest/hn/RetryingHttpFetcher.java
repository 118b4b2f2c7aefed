package dev.hndeepest.hn;

import dev.hndeepest.hn.HnJsonReader.MalformedBodyException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends GET requests with a bounded number in flight, a deadline per attempt and jittered retries
 * on transient faults, for as long as the client as a whole makes progress ({@link StallWatch});
 * counts every attempt.
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

  /** No request slot came free before the stall deadline: nothing was sent. */
  private record NoSlot<T>() implements Attempt<T> {}

  private final HttpTransport http;
  private final Semaphore slots;
  private final Duration requestTimeout;
  private final RetryPolicy retry;
  private final StallWatch progress;
  private final LongAdder requests = new LongAdder();
  private final LongAdder retries = new LongAdder();

  RetryingHttpFetcher(HnClientConfig config) {
    this.requestTimeout = config.requestTimeout();
    this.retry = config.retry();
    this.progress = new StallWatch(config.retry().stallTimeout());
    // Fair, so a caller that has waited long for a slot is not overtaken by newcomers.
    this.slots = new Semaphore(config.maxConcurrency(), true);
    this.http = HttpTransport.of(config);
  }

  long requests() {
    return requests.sum();
  }

  long retries() {
    return retries.sum();
  }

  /**
   * The parsed answer of {@code url}. Retries 429, 5xx, timeouts, I/O faults and malformed bodies
   * (and 401/403 when {@code deniedIsTransient}) until it gets an answer or the run stalls; fails at
   * once on other non-2xx statuses.
   *
   * @param deniedIsTransient whether 401/403 ("Permission denied") is a passing fault: the live API
   *     answers it for a while on items that exist
   * @throws HnRequestRejectedException on a status retrying cannot fix
   * @throws HnUnavailableException when no request of this client has succeeded for the stall
   *     timeout, or the thread was interrupted
   */
  <T> T get(URI url, BodyParser<T> parser, boolean deniedIsTransient) {
    progress.started();
    try {
      return retryUntilAnswered(url, parser, deniedIsTransient);
    } finally {
      progress.ended();
    }
  }

  private <T> T retryUntilAnswered(URI url, BodyParser<T> parser, boolean deniedIsTransient) {
    int failures = 0;
    String lastFailure = "waited for a free request slot";
    while (true) {
      progress.requireRunning();
      switch (attempt(url, parser, deniedIsTransient, failures > 0)) {
        case Answered<T> answered -> {
          progress.succeeded();
          return answered.value();
        }
        case NoSlot<T> noSlot -> progress.giveUpIfStalled(url, lastFailure);
        case Failed<T> failed -> {
          failures++;
          lastFailure = failed.reason();
          progress.giveUpIfStalled(url, lastFailure);
          Duration delay = retry.delayBeforeRetry(failures, failed.retryAfter(), ThreadLocalRandom.current());
          // Never sleep past the moment the run would give up: wake to give up on time.
          long sleepNanos = Math.min(delay.toNanos(), Math.max(0, progress.nanosLeft()));
          log.debug("HN request {} failed ({}); retry {} in {} ms", url, lastFailure, failures, sleepNanos / 1_000_000);
          sleep(Duration.ofNanos(sleepNanos), url);
        }
      }
    }
  }

  private <T> Attempt<T> attempt(URI url, BodyParser<T> parser, boolean deniedIsTransient, boolean isRetry) {
    HttpTransport.Response response;
    try {
      response = send(url, isRetry);
      if (response == null) {
        return new NoSlot<>();
      }
    } catch (HttpConnectTimeoutException e) {
      return new Failed<>("connect timed out after " + requestTimeout.toMillis() + " ms");
    } catch (SocketTimeoutException e) {
      boolean connecting = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
      return new Failed<>((connecting ? "connect timed out after " : "timed out after ") + requestTimeout.toMillis() + " ms");
    } catch (HttpTimeoutException | TimeoutException e) {
      return new Failed<>("timed out after " + requestTimeout.toMillis() + " ms");
    } catch (IOException e) {
      return new Failed<>(describe(e));
    }
    int status = response.status();
    if (status == 429 || status >= 500) {
      boolean mayAskToWait = status == 429 || status == 503;
      return new Failed<>("status " + status, mayAskToWait ? retryAfter(response) : Optional.empty());
    }
    if (deniedIsTransient && (status == 401 || status == 403)) {
      return new Failed<>("status " + status + " (permission denied)");
    }
    if (status < 200 || status >= 300) {
      log.debug("HN request {} rejected with status {}", url, status);
      throw new HnRequestRejectedException(url, status);
    }
    try {
      return new Answered<>(parser.parse(response.body()));
    } catch (MalformedBodyException e) {
      return new Failed<>(e.getMessage());
    }
  }

  /**
   * One attempt; holds a slot only while the request is in flight, never while parsing or sleeping.
   * Null when no slot came free before the run's stall deadline.
   */
  private HttpTransport.Response send(URI url, boolean isRetry) throws IOException, TimeoutException {
    if (!acquireSlot(url)) {
      return null;
    }
    try {
      requests.increment();
      if (isRetry) {
        retries.increment();
      }
      return http.get(url);
    } finally {
      slots.release();
    }
  }

  /** Waits for a slot, but not past the stall deadline: whoever waits must be able to give up on time. */
  private boolean acquireSlot(URI url) {
    try {
      return slots.tryAcquire(Math.max(0, progress.nanosLeft()), TimeUnit.NANOSECONDS);
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
  private static Optional<Duration> retryAfter(HttpTransport.Response response) {
    return response.retryAfter().flatMap(value -> {
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
    if (fault instanceof ConnectException) {
      // Each HTTP client words it its own way ("Connection refused", or nothing): say it plainly.
      String message = fault.getMessage();
      return name + ": could not connect" + (message == null || message.isBlank() ? "" : " (" + message.strip() + ")");
    }
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
    http.close();
  }
}
