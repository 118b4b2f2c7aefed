package dev.hndeepest.submit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.hndeepest.api.SubmitJobApi;
import dev.hndeepest.lambda.ApiGatewayTranslation;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** {@code POST /jobs}: validates, stores the job PENDING, queues its discovery, answers 202. */
public class SubmitJobHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final SubmitJobApi api;

  /** Lambda's constructor: clients are built once per container, from the function's environment. */
  public SubmitJobHandler() {
    this(System.getenv(), Clock.systemUTC());
  }

  /** What Lambda's constructor does, for a given environment: how the local stack runs this function. */
  public SubmitJobHandler(Map<String, String> environment, Clock clock) {
    this(SubmitJobFunction.api(environment, clock));
  }

  public SubmitJobHandler(SubmitJobApi api) {
    this.api = api;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () ->
        ApiGatewayTranslation.toEvent(api.submit(ApiGatewayTranslation.toApiRequest(event, context))));
  }
}
