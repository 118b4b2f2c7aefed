package dev.hndeepest.submit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.hndeepest.api.SubmitJobApi;
import dev.hndeepest.lambda.ApiGatewayTranslation;
import dev.hndeepest.lambda.metrics.PowertoolsJobMetrics;
import dev.hndeepest.lambda.snapstart.Priming;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** {@code POST /jobs}: validates, stores the job PENDING and queues its discovery (202), or answers with the window's job (200). */
public class SubmitJobHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final SubmitJobApi api;
  private final PowertoolsJobMetrics metrics;
  /** Held here: CRaC keeps only a weak reference. */
  @SuppressWarnings({"unused", "FieldCanBeLocal"})
  private final Priming priming;

  /** Lambda's constructor: clients are built once per container, from the function's environment. */
  public SubmitJobHandler() {
    this(System.getenv(), Clock.systemUTC());
  }

  /** What Lambda's constructor does, for a given environment: how the local stack runs this function. */
  public SubmitJobHandler(Map<String, String> environment, Clock clock) {
    this(SubmitJobFunction.wire(environment, clock), environment);
  }

  private SubmitJobHandler(SubmitJobFunction.Wired wired, Map<String, String> environment) {
    this.api = wired.api();
    this.metrics = wired.metrics();
    this.priming = Priming.register("SubmitJobFunction", environment, () -> SubmitJobPriming.warmUp(this));
  }

  /** For tests: the API and metrics given, no priming registered. */
  public SubmitJobHandler(SubmitJobApi api, PowertoolsJobMetrics metrics) {
    this.api = api;
    this.metrics = metrics;
    this.priming = null;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    try {
      return PowertoolsLogging.withLogging(context, () ->
          ApiGatewayTranslation.toEvent(api.submit(ApiGatewayTranslation.toApiRequest(event, context))));
    } finally {
      metrics.flush();
    }
  }
}
