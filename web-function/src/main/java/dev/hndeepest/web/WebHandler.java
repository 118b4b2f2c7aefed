package dev.hndeepest.web;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.hndeepest.lambda.ApiGatewayTranslation;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** {@code GET /} and {@code GET /openapi.json}: the web page and the API's OpenAPI document. */
public class WebHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final WebPages pages;

  /** Lambda's constructor: the documents are read from the jar once per container. */
  public WebHandler() {
    this(System.getenv(), Clock.systemUTC());
  }

  /** What Lambda's constructor does, for a given environment: the function reads none of it. */
  public WebHandler(Map<String, String> environment, Clock clock) {
    this(WebPages.fromClasspath());
  }

  public WebHandler(WebPages pages) {
    this.pages = pages;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> ApiGatewayTranslation.toEvent(
        pages.answer(event.getResource(), ApiGatewayTranslation.toApiRequest(event, context))));
  }
}
