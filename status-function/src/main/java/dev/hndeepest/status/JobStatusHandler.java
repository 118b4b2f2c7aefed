package dev.hndeepest.status;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.hndeepest.api.JobStatusApi;
import dev.hndeepest.lambda.ApiGatewayTranslation;
import dev.hndeepest.lambda.metrics.PowertoolsJobMetrics;
import dev.hndeepest.lambda.snapstart.Priming;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** {@code GET /jobs/{id}}: progress, then the aggregated answer once every batch is in; {@code DELETE /jobs/{id}}: cancels. */
public class JobStatusHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final JobStatusApi api;
  private final PowertoolsJobMetrics metrics;
  /** Held here: CRaC keeps only a weak reference. */
  @SuppressWarnings({"unused", "FieldCanBeLocal"})
  private final Priming priming;

  /** Lambda's constructor: clients are built once per container, from the function's environment. */
  public JobStatusHandler() {
    this(System.getenv(), Clock.systemUTC());
  }

  /** What Lambda's constructor does, for a given environment: how the local stack runs this function. */
  public JobStatusHandler(Map<String, String> environment, Clock clock) {
    this(JobStatusFunction.wire(environment, clock), environment);
  }

  private JobStatusHandler(JobStatusFunction.Wired wired, Map<String, String> environment) {
    this.api = wired.api();
    this.metrics = wired.metrics();
    this.priming = Priming.register("JobStatusFunction", environment, () -> JobStatusPriming.warmUp(this));
  }

  /** For tests: the API and metrics given, no priming registered. */
  public JobStatusHandler(JobStatusApi api, PowertoolsJobMetrics metrics) {
    this.api = api;
    this.metrics = metrics;
    this.priming = null;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    try {
      return PowertoolsLogging.withLogging(context, () ->
          ApiGatewayTranslation.toEvent(api.handle(ApiGatewayTranslation.toApiRequest(event, context))));
    } finally {
      metrics.flush();
    }
  }
}
