package dev.hndeepest.benchmark;

import dev.hndeepest.hn.HnItem;
import dev.hndeepest.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The HN API read the way the original approach read it: one GET at a time on one keep-alive
 * HTTP/1.1 connection, no cache, no retries (the benchmark's replica injects no faults).
 */
final class SerialHttpItemReader implements SerialItemReader, AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT)
      .build();
  private final String base;

  SerialHttpItemReader(URI baseUrl) {
    var text = baseUrl.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public Optional<HnItem> item(long id) {
    String body = get("/item/" + id + ".json");
    return "null".equals(body.strip()) ? Optional.empty() : Optional.of(Json.read(body, HnItem.class));
  }

  @Override
  public long maxItem() {
    return Long.parseLong(get("/maxitem.json").strip());
  }

  private String get(String path) {
    var request = HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(TIMEOUT).build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + path, e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
