package dev.hndeepest.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the bridge received it, before API Gateway's translation: raw path and query
 * (still percent-encoded), headers in arrival order, and the body bytes.
 *
 * @param rawQuery the query string without '?', or null when the URL has none
 */
public record IncomingRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String sourceIp,
    String protocol,
    int localPort) {

  public IncomingRequest {
    var copy = new LinkedHashMap<String, List<String>>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = copy;
    body = body == null ? new byte[0] : body;
  }
}
