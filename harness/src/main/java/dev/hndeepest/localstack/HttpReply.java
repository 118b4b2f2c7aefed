package dev.hndeepest.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hndeepest.json.Json;
import dev.hndeepest.localstack.template.RestApiDefinition.GatewayResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The status, headers and body the bridge writes back to the HTTP client. */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body) {
  public static final String PROBLEM_JSON = "application/problem+json";
  /** API Gateway's gateway response types the bridge answers with. */
  public static final String MISSING_AUTHENTICATION_TOKEN = "MISSING_AUTHENTICATION_TOKEN";
  public static final String REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE";
  public static final String INTEGRATION_FAILURE = "INTEGRATION_FAILURE";
  public static final String INTEGRATION_TIMEOUT = "INTEGRATION_TIMEOUT";

  public HttpReply {
    var copy = new LinkedHashMap<String, List<String>>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = copy;
  }

  /**
   * An RFC 9457 problem carrying the API request id: the bridge's own answer where API Gateway's
   * edge would refuse a request before any gateway response (a URL too long, broken escapes).
   */
  public static HttpReply problem(int status, String title, String detail, String requestId) {
    var problem = new LinkedHashMap<String, Object>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("requestId", requestId);
    try {
      return new HttpReply(status, Map.of("Content-Type", List.of(PROBLEM_JSON)), Json.MAPPER.writeValueAsBytes(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a problem document", e);
    }
  }

  /** API Gateway's default bodies for the gateway responses the bridge gives, when a template defines none. */
  private static final Map<String, GatewayResponse> API_GATEWAY_DEFAULTS = Map.of(
      MISSING_AUTHENTICATION_TOKEN, defaultResponse(403, "Missing Authentication Token"),
      REQUEST_TOO_LARGE, defaultResponse(413, "Request Too Long"),
      INTEGRATION_FAILURE, defaultResponse(502, "Internal server error"),
      INTEGRATION_TIMEOUT, defaultResponse(504, "Endpoint request timed out"));

  /**
   * API Gateway's own answer of this type: the template's gateway response (its status, headers
   * and body, with {@code $context.requestId} filled in), or API Gateway's default.
   */
  public static HttpReply gatewayResponse(String type, Map<String, GatewayResponse> defined, String requestId) {
    var response = defined.getOrDefault(type, API_GATEWAY_DEFAULTS.get(type));
    if (response == null) {
      throw new IllegalArgumentException("no gateway response " + type);
    }
    var headers = new LinkedHashMap<String, List<String>>();
    response.headers().forEach((name, value) -> headers.put(name, List.of(value)));
    headers.putIfAbsent("Content-Type", List.of("application/json"));
    var body = response.body() == null ? "" : response.body().replace("$context.requestId", requestId);
    return new HttpReply(response.status(), headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static GatewayResponse defaultResponse(int status, String message) {
    return new GatewayResponse(status, Map.of("Content-Type", "application/json"),
        "{\"message\":\"" + message + "\"}");
  }

  public HttpReply withHeader(String name, String value) {
    var copy = new LinkedHashMap<>(headers);
    copy.put(name, List.of(value));
    return new HttpReply(status, copy, body);
  }

  /** The body as UTF-8 text, for logs and tests. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
