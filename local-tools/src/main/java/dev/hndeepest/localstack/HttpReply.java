package dev.hndeepest.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The status, headers and body the bridge writes back to the HTTP client. */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body) {
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public HttpReply {
    var copy = new LinkedHashMap<String, List<String>>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = copy;
  }

  /** An RFC 9457 problem, the error shape the job API promises, carrying the API request id. */
  public static HttpReply problem(int status, String title, String detail, String requestId) {
    var problem = new LinkedHashMap<String, Object>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("requestId", requestId);
    try {
      return new HttpReply(status, Map.of("Content-Type", List.of(PROBLEM_JSON)), JSON.writeValueAsBytes(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a problem document", e);
    }
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
