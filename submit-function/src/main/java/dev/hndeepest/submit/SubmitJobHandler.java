package dev.hndeepest.submit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.hndeepest.api.JobsApi;
import dev.hndeepest.job.JobApplication;
import dev.hndeepest.lambda.ApiGatewayTranslation;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** {@code POST /jobs}: validates, stores the job PENDING, queues its discovery, answers 202. */
public class SubmitJobHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final JobsApi jobsApi;

  /** Lambda's constructor: clients are built once per container, from the environment. */
  public SubmitJobHandler() {
    this(JobApplication.fromEnvironment().jobsApi());
  }

  public SubmitJobHandler(JobsApi jobsApi) {
    this.jobsApi = jobsApi;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () ->
        ApiGatewayTranslation.toEvent(jobsApi.submit(ApiGatewayTranslation.toApiRequest(event, context))));
  }
}
