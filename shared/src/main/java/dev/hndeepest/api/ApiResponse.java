package dev.hndeepest.api;

import java.util.Map;

/** An HTTP response as the domain produces it; the handlers turn it into API Gateway's shape. */
public record ApiResponse(int status, Map<String, String> headers, String body) {
  public ApiResponse {
    headers = Map.copyOf(headers);
  }
}
