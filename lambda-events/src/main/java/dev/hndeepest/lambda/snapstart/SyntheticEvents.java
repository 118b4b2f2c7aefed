package dev.hndeepest.lambda.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;

/** Events for the warm-up: shaped as API Gateway and SQS deliver them, each answered without any write. */
public final class SyntheticEvents {
  private SyntheticEvents() {}

  /**
   * An API Gateway proxy request as the stage delivers it.
   *
   * @param query the query string; the warm-up's values are ones the validation refuses
   */
  public static APIGatewayProxyRequestEvent apiRequest(String method, String resource, String path,
      Map<String, String> pathParameters, Map<String, String> query) {
    var context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
        .withRequestId("snapstart-priming")
        .withStage("prime")
        .withDomainName("priming.invalid")
        .withPath("/prime" + path)
        .withResourcePath(resource)
        .withHttpMethod(method);
    var multiQuery = new java.util.HashMap<String, List<String>>();
    query.forEach((name, value) -> multiQuery.put(name, List.of(value)));
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(method)
        .withResource(resource)
        .withPath(path)
        .withPathParameters(pathParameters)
        .withQueryStringParameters(query)
        .withMultiValueQueryStringParameters(multiQuery)
        .withHeaders(Map.of("Host", "priming.invalid", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443"))
        .withMultiValueHeaders(Map.of("Host", List.of("priming.invalid"), "X-Forwarded-Proto", List.of("https"),
            "X-Forwarded-Port", List.of("443")))
        .withRequestContext(context);
  }

  /** An SQS delivery with no message: the handler's path from event to batch response, no message to act on. */
  public static SQSEvent emptyDelivery() {
    var event = new SQSEvent();
    event.setRecords(List.of());
    return event;
  }
}
