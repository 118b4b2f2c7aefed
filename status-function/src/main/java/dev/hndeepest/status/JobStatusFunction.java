package dev.hndeepest.status;

import dev.hndeepest.api.JobStatusApi;
import dev.hndeepest.config.AwsClients;
import dev.hndeepest.config.Environment;
import dev.hndeepest.job.JobFinisher;
import dev.hndeepest.job.dynamo.DynamoJobStore;
import java.time.Clock;
import java.util.Map;

/** The status function's composition root: its environment in, the job store and the API wired; no queue. */
final class JobStatusFunction {
  private JobStatusFunction() {}

  static JobStatusApi api(Map<String, String> environment, Clock clock) {
    var settings = JobStatusSettings.from(Environment.of(environment));
    var store = new DynamoJobStore(AwsClients.dynamoDb(settings.aws()), settings.jobsTableName(), settings.jobTtl(),
        clock);
    return new JobStatusApi(new JobFinisher(store, clock, settings.stallTimeout()), settings.jobTtl());
  }
}
