package dev.hndeepest.status;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.hndeepest.api.JobStatusApi;
import dev.hndeepest.lambda.ApiGatewayTranslation;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** {@code GET /jobs/{id}}: progress while running; the aggregated answer once every batch is in. */
public class JobStatusHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final JobStatusApi api;

  /** Lambda's constructor: clients are built once per container, from the function's environment. */
  public JobStatusHandler() {
    this(System.getenv(), Clock.systemUTC());
  }

  /** What Lambda's constructor does, for a given environment: how the local stack runs this function. */
  public JobStatusHandler(Map<String, String> environment, Clock clock) {
    this(JobStatusFunction.api(environment, clock));
  }

  public JobStatusHandler(JobStatusApi api) {
    this.api = api;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () ->
        ApiGatewayTranslation.toEvent(api.status(ApiGatewayTranslation.toApiRequest(event, context))));
  }
}
