package dev.hndeepest.status;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.hndeepest.api.JobsApi;
import dev.hndeepest.job.JobApplication;
import dev.hndeepest.lambda.ApiGatewayTranslation;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** {@code GET /jobs/{id}}: progress while running; the aggregated answer once every batch is in. */
public class JobStatusHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final JobsApi jobsApi;

  /** Lambda's constructor: clients are built once per container, from the environment. */
  public JobStatusHandler() {
    this(JobApplication.fromEnvironment().jobsApi());
  }

  public JobStatusHandler(JobsApi jobsApi) {
    this.jobsApi = jobsApi;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () ->
        ApiGatewayTranslation.toEvent(jobsApi.status(ApiGatewayTranslation.toApiRequest(event, context))));
  }
}
