package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One method of one API Gateway resource, integrated with a Lambda function by proxy. The factory
 * builds a handler instance per concurrent "execution environment" (see {@link HandlerPool}); the
 * function's timeout and memory are what its {@code Context} reports.
 *
 * @param method an HTTP method in upper case, or {@code ANY}
 */
public record ApiRoute(
    String method,
    ResourceTemplate resource,
    String functionName,
    Duration functionTimeout,
    int memoryMb,
    Supplier<? extends RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> handlerFactory) {
  public static final String ANY = "ANY";
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", ANY);

  public ApiRoute {
    Objects.requireNonNull(method, "method");
    method = method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("unsupported HTTP method " + method + "; use one of " + METHODS);
    }
    Objects.requireNonNull(resource, "resource");
    if (functionName == null || functionName.isBlank()) {
      throw new IllegalArgumentException("a route needs a function name");
    }
    Objects.requireNonNull(functionTimeout, "functionTimeout");
    Objects.requireNonNull(handlerFactory, "handlerFactory");
  }

  boolean accepts(String requestMethod) {
    return method.equals(ANY) || method.equals(requestMethod);
  }
}
