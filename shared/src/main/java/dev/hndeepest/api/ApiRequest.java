package dev.hndeepest.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the domain sees it, free of Lambda types: the handlers translate API
 * Gateway's proxy event into this.
 *
 * @param query every value of every query parameter, so repeats can be rejected
 * @param headers header names compare case-insensitively
 * @param baseUrl the API's root as the client reached it (scheme, host, port, and the stage or a
 *     custom domain's base path), e.g. {@code https://abc.execute-api.eu-west-1.amazonaws.com/prod};
 *     null when the request does not say where it was sent
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> pathParameters,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String body,
    String requestId,
    URI baseUrl) {

  public ApiRequest {
    pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
    query = query == null ? Map.of() : Map.copyOf(query);
    var caseless = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      caseless.putAll(headers);
    }
    headers = caseless;
  }

  public List<String> queryValues(String name) {
    return query.getOrDefault(name, List.of());
  }

  public Optional<String> header(String name) {
    var values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  /**
   * The URL of a resource of this API as this client must write it: absolute under
   * {@link #baseUrl()}, so resolving it never drops the stage; just the path when the base is unknown.
   */
  public String urlOf(String resourcePath) {
    return baseUrl == null ? resourcePath : baseUrl + resourcePath;
  }

  /** Bytes of the query string and body, to refuse absurd sizes before parsing anything. */
  public int inputSize() {
    int size = body == null ? 0 : body.length();
    for (var entry : query.entrySet()) {
      size += entry.getKey().length();
      for (var value : entry.getValue()) {
        size += value == null ? 0 : value.length() + 2;
      }
    }
    return size;
  }
}
