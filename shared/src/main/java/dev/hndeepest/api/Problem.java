package dev.hndeepest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hndeepest.json.Json;
import dev.hndeepest.request.InvalidParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem detail, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String requestId, List<InvalidParam> invalidParams) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(int status, String slug, String title, String detail, String requestId) {
    return new Problem("/problems/" + slug, title, status, detail, requestId, null);
  }

  public static Problem invalid(List<InvalidParam> params, String requestId) {
    return new Problem("/problems/invalid-request", "Invalid request", 400,
        "The request has invalid parameters; nothing was stored or queued.", requestId, params);
  }

  public ApiResponse response() {
    return response(Map.of());
  }

  public ApiResponse response(Map<String, String> extraHeaders) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Content-Type", MEDIA_TYPE);
    headers.putAll(extraHeaders);
    return new ApiResponse(status, headers, Json.write(this));
  }
}
