package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a Lambda proxy response into HTTP as API Gateway does: {@code multiValueHeaders} and
 * {@code headers} merged (a pair present in both appears once), {@code Content-Type} defaulting
 * to {@code application/json}, a base64 body decoded, and a response without a valid status
 * code refused as malformed (API Gateway answers 502 for it).
 */
public final class ProxyResponseTranslator {
  private ProxyResponseTranslator() {}

  /** Thrown for a response API Gateway would reject: null, no status code, or a body that is not base64. */
  public static final class MalformedProxyResponseException extends RuntimeException {
    public MalformedProxyResponseException(String message) {
      super(message);
    }
  }

  public static HttpReply toReply(APIGatewayProxyResponseEvent response) {
    if (response == null) {
      throw new MalformedProxyResponseException("the handler returned null");
    }
    Integer status = response.getStatusCode();
    if (status == null || status < 100 || status > 599) {
      throw new MalformedProxyResponseException("the handler returned statusCode " + status);
    }
    var headers = mergedHeaders(response);
    if (headerName(headers, "Content-Type").isEmpty()) {
      headers.put("Content-Type", new ArrayList<>(List.of("application/json")));
    }
    return new HttpReply(status, headers, body(response));
  }

  private static Map<String, List<String>> mergedHeaders(APIGatewayProxyResponseEvent response) {
    var merged = new LinkedHashMap<String, List<String>>();
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> {
        var existing = headerName(merged, name).orElse(name);
        var list = merged.computeIfAbsent(existing, key -> new ArrayList<>());
        if (values != null) {
          values.stream().filter(value -> value != null).forEach(list::add);
        }
      });
    }
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, value) -> {
        if (value == null) {
          return;
        }
        var existing = headerName(merged, name).orElse(name);
        var list = merged.computeIfAbsent(existing, key -> new ArrayList<>());
        if (!list.contains(value)) {
          list.add(value);
        }
      });
    }
    return merged;
  }

  private static byte[] body(APIGatewayProxyResponseEvent response) {
    var body = response.getBody();
    if (body == null) {
      return new byte[0];
    }
    if (Boolean.TRUE.equals(response.getIsBase64Encoded())) {
      try {
        return Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw new MalformedProxyResponseException("isBase64Encoded is true but the body is not base64");
      }
    }
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static Optional<String> headerName(Map<String, List<String>> headers, String name) {
    return headers.keySet().stream().filter(key -> key.equalsIgnoreCase(name)).findFirst();
  }
}
