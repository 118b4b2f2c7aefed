package dev.hndeepest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls the job API as a patient client (PRODUCT.md §6): {@code 429}, {@code 5xx}, answers that
 * are not the JSON they should be, timeouts and broken connections are retried — after the
 * server's {@code Retry-After} when it gives one, else after a jittered backoff — until an answer
 * comes or none has come for the stall timeout. Every other answer is handed back as it is.
 */
final class JobApiCaller implements AutoCloseable {
  /** The first retry waits up to this long (full jitter), doubling up to {@link #MAX_BACKOFF}. */
  static final Duration INITIAL_BACKOFF = Duration.ofMillis(250);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
  /** A {@code Retry-After} longer than this is taken as this: a poll hint, not a reason to go quiet. */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(60);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /**
   * An answer the caller must act on: any status but {@code 429} and {@code 5xx}, with its body
   * read as JSON ({@code json} is null for a non-2xx body that is not JSON).
   */
  record Answer(int status, HttpHeaders headers, String body, JsonNode json) {
    /** The server's {@code Retry-After}, when it sent one. */
    Optional<Duration> retryAfter() {
      return JobApiCaller.retryAfter(headers, Instant.now());
    }

    /** One line saying why the answer is an error: the problem's first invalid parameter or detail, else the body. */
    String detail() {
      if (json != null) {
        var params = json.path("invalidParams");
        if (params.isArray() && !params.isEmpty()) {
          return params.get(0).path("name").asText() + " " + params.get(0).path("reason").asText();
        }
        if (json.hasNonNull("detail")) {
          return json.get("detail").asText();
        }
      }
      return oneLine(body);
    }
  }

  /** No usable answer came for the stall timeout; the message is one line. */
  static final class GaveUpException extends Exception {
    GaveUpException(String message) {
      super(message);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  private final Duration stallTimeout;

  JobApiCaller(Duration stallTimeout) {
    this.stallTimeout = stallTimeout;
  }

  /**
   * Sends the request until the API gives an answer to act on.
   *
   * @param what names the call in the give-up message, e.g. "submitting the job"
   * @throws GaveUpException when none came for the stall timeout
   */
  Answer call(HttpRequest request, String what) throws GaveUpException, InterruptedException {
    long giveUpAt = System.nanoTime() + stallTimeout.toNanos();
    for (int failures = 1; ; failures++) {
      String failure;
      Optional<Duration> asked = Optional.empty();
      try {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        JsonNode json = readJson(response.body());
        boolean transientStatus = status == 429 || status >= 500;
        boolean unreadable = status >= 200 && status < 300 && (json == null || !json.isObject());
        if (!transientStatus && !unreadable) {
          return new Answer(status, response.headers(), response.body(), json);
        }
        String said = json != null && json.hasNonNull("detail") ? json.get("detail").asText() : response.body();
        failure = unreadable ? "an unreadable " + status + " answer" : "status " + status + " (" + oneLine(said) + ")";
        asked = transientStatus ? retryAfter(response.headers(), Instant.now()) : Optional.empty();
      } catch (IOException e) {
        failure = describe(e);
      }
      long left = giveUpAt - System.nanoTime();
      if (left <= 0) {
        throw new GaveUpException("the job API at " + request.uri().getAuthority() + " gave no usable answer for "
            + stallTimeout.toSeconds() + " s while " + what + "; last: " + failure);
      }
      Duration delay = asked.isPresent() ? min(asked.get(), LONGEST_RETRY_AFTER) : jitteredBackoff(failures);
      Thread.sleep(Duration.ofNanos(Math.min(delay.toNanos(), left)));
    }
  }

  /** {@code Retry-After} as delta-seconds or an HTTP-date (RFC 9110 §10.2.3); empty when absent or malformed. */
  static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
    return headers.firstValue("Retry-After").map(String::strip).flatMap(value -> {
      try {
        long seconds = Long.parseLong(value);
        return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
      } catch (NumberFormatException notSeconds) {
        try {
          var when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          return Optional.of(when.isAfter(now) ? Duration.between(now, when) : Duration.ZERO);
        } catch (DateTimeParseException notADate) {
          return Optional.empty();
        }
      }
    });
  }

  private static Duration jitteredBackoff(int retry) {
    long cap = Math.min(MAX_BACKOFF.toNanos(), INITIAL_BACKOFF.toNanos() << Math.min(retry - 1, 20));
    return Duration.ofNanos(ThreadLocalRandom.current().nextLong(cap + 1));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static JsonNode readJson(String body) {
    try {
      return body == null || body.isBlank() ? null : Json.read(body, JsonNode.class);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The exception's class and first message line, e.g. {@code ConnectException: Connection refused}. */
  private static String describe(Throwable fault) {
    for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        return fault.getClass().getSimpleName() + ": " + oneLine(cause.getMessage());
      }
    }
    return fault.getClass().getSimpleName();
  }

  /** The text's first line, at most 200 characters. */
  static String oneLine(String text) {
    String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** Where {@code location} points from {@code base}: as given when absolute, else below the base (keeping its stage path). */
  static URI resolve(URI base, String location) {
    var target = URI.create(location);
    if (target.isAbsolute()) {
      return target;
    }
    var text = base.toString();
    return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text)
        + (location.startsWith("/") ? location : "/" + location));
  }

  @Override
  public void close() {
    http.close();
  }
}
