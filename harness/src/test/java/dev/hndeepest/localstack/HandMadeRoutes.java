package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.util.function.Supplier;

/** Routes built by hand for the bridge's tests, not read from the template. */
final class HandMadeRoutes {
  /** No function timeout below API Gateway's own. */
  private static final Duration UNBOUNDED = Duration.ofDays(1);
  /** Lambda's smallest memory. */
  private static final int MEMORY_MB = 128;

  private HandMadeRoutes() {}

  static ApiRoute route(String method, String resource, String functionName,
      Supplier<? extends RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlerFactory) {
    return new ApiRoute(method, ResourceTemplate.parse(resource), functionName, UNBOUNDED, MEMORY_MB, handlerFactory);
  }
}
