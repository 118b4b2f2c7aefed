package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** A client of a local stack's job API over loopback HTTP, as a user's code would talk to it. */
final class JobApiClient {
  static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED");
  // HTTP/1.1: the JDK client's h2c upgrade attempt is no part of what API Gateway clients do.
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI baseUrl;

  JobApiClient(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A request with no body to {@code pathAndQuery} (already percent-encoded). */
  HttpResponse<String> send(String method, String pathAndQuery) {
    return send(request(pathAndQuery).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** A request builder for {@code pathAndQuery}, to add headers and a body to. */
  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(REQUEST_TIMEOUT);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** {@code POST /jobs?query}, which must be accepted; the 202 body. */
  JsonNode submit(String query) {
    var response = send("POST", "/jobs?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return Json.read(response.body(), JsonNode.class);
  }

  /** {@code GET /jobs/{id}}, which must answer 200; the job. */
  JsonNode job(String jobId) {
    var response = send("GET", "/jobs/" + jobId);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.read(response.body(), JsonNode.class);
  }

  /** Polls the job until its status is one of {@code statuses}; the job as last read. */
  JsonNode awaitStatus(String jobId, Duration deadline, Set<String> statuses) {
    var last = new AtomicReference<JsonNode>();
    try {
      MotoFixture.await("job " + jobId + " to reach " + statuses, deadline, () -> {
        last.set(job(jobId));
        return statuses.contains(last.get().path("status").asText());
      });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e);
    }
    return last.get();
  }

  /** Polls the job until it is SUCCEEDED or FAILED. */
  JsonNode awaitEnd(String jobId, Duration deadline) {
    return awaitStatus(jobId, deadline, TERMINAL);
  }
}
