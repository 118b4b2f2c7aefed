package dev.hndeepest.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.hndeepest.api.ApiRequest;
import dev.hndeepest.api.ApiResponse;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Translates API Gateway REST proxy events to and from the domain's {@link ApiRequest}. */
public final class ApiGatewayTranslation {
  private ApiGatewayTranslation() {}

  public static ApiRequest toApiRequest(APIGatewayProxyRequestEvent event, Context context) {
    String requestId = Optional.ofNullable(event.getRequestContext())
        .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getRequestId)
        .orElse(context == null ? "unknown" : context.getAwsRequestId());
    var withoutBase = new ApiRequest(
        event.getHttpMethod(),
        event.getPath(),
        event.getPathParameters(),
        values(event.getMultiValueQueryStringParameters(), event.getQueryStringParameters()),
        values(event.getMultiValueHeaders(), event.getHeaders()),
        event.getBody(),
        requestId,
        null);
    return withBase(withoutBase, ClientBaseUrl.of(event, withoutBase::header).orElse(null));
  }

  public static APIGatewayProxyResponseEvent toEvent(ApiResponse response) {
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(response.status())
        .withHeaders(response.headers())
        .withBody(response.body());
  }

  private static ApiRequest withBase(ApiRequest request, URI baseUrl) {
    return new ApiRequest(request.method(), request.path(), request.pathParameters(), request.query(),
        request.headers(), request.body(), request.requestId(), baseUrl);
  }

  /** Prefers the multi-value form, which keeps repeated parameters; falls back to the single one. */
  private static Map<String, List<String>> values(Map<String, List<String>> multi, Map<String, String> single) {
    var merged = new HashMap<String, List<String>>();
    if (single != null) {
      single.forEach((name, value) -> merged.put(name, List.of(value == null ? "" : value)));
    }
    if (multi != null) {
      multi.forEach((name, list) -> merged.put(name, list == null ? List.of() : List.copyOf(
          list.stream().map(v -> v == null ? "" : v).toList())));
    }
    return merged;
  }
}
