package dev.hndeepest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hndeepest.json.Json;
import dev.hndeepest.request.InvalidParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error answer.
 *
 * <p>Every problem has the type {@value #TYPE}: its meaning is its HTTP status, explained by
 * {@code detail} and, for validation errors, {@code invalidParams}; its title is the status's
 * reason phrase (RFC 9457 §4.2.1). API Gateway's own gateway responses in {@code template.yaml}
 * and the local API bridge use the same style, as a static gateway response has no host that
 * would serve a type description on every deployment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String requestId, List<InvalidParam> invalidParams) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE = "about:blank";

  /** The reason phrases of RFC 9110 for the statuses this API answers with. */
  private static final Map<Integer, String> REASON_PHRASES = Map.of(
      400, "Bad Request",
      404, "Not Found",
      405, "Method Not Allowed",
      413, "Content Too Large",
      422, "Unprocessable Content",
      500, "Internal Server Error",
      503, "Service Unavailable");

  public static Problem of(int status, String detail, String requestId) {
    return new Problem(TYPE, reasonPhrase(status), status, detail, requestId, null);
  }

  /** @param hint what the client probably meant, added to the detail; null for none */
  public static Problem invalid(List<InvalidParam> params, String hint, String requestId) {
    return new Problem(TYPE, reasonPhrase(400), 400,
        "The request has invalid parameters; nothing was stored or queued." + (hint == null ? "" : " " + hint),
        requestId, params);
  }

  /** RFC 9110's reason phrase for a status this API answers with. */
  public static String reasonPhrase(int status) {
    var phrase = REASON_PHRASES.get(status);
    if (phrase == null) {
      throw new IllegalArgumentException("no problem is defined for status " + status);
    }
    return phrase;
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
