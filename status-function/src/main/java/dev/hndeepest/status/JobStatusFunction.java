package dev.hndeepest.status;

import dev.hndeepest.api.JobStatusApi;
import dev.hndeepest.config.AwsClients;
import dev.hndeepest.config.Environment;
import dev.hndeepest.job.JobCancellation;
import dev.hndeepest.job.JobFinisher;
import dev.hndeepest.job.dynamo.DynamoJobStore;
import dev.hndeepest.lambda.metrics.PowertoolsJobMetrics;
import java.time.Clock;
import java.util.Map;

/** The status function's composition root: its environment in, the job store, the metrics and the API wired; no queue. */
final class JobStatusFunction {
  private JobStatusFunction() {}

  /** What the handler holds: the API and the metrics it flushes after each request. */
  record Wired(JobStatusApi api, PowertoolsJobMetrics metrics) {}

  static Wired wire(Map<String, String> environment, Clock clock) {
    var env = Environment.of(environment);
    var settings = JobStatusSettings.from(env);
    var metrics = PowertoolsJobMetrics.from(env);
    var store = new DynamoJobStore(AwsClients.dynamoDb(settings.aws()), settings.jobsTableName(), settings.jobTtl(),
        clock);
    var api = new JobStatusApi(new JobFinisher(store, clock, settings.stallTimeout(), metrics),
        new JobCancellation(store, clock, metrics), settings.jobTtl());
    return new Wired(api, metrics);
  }
}
