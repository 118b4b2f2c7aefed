package dev.hndeepest.submit;

import dev.hndeepest.api.SubmitJobApi;
import dev.hndeepest.config.AwsClients;
import dev.hndeepest.config.Environment;
import dev.hndeepest.job.JobSubmission;
import dev.hndeepest.job.dynamo.DynamoJobStore;
import dev.hndeepest.job.sqs.SqsWorkQueue;
import dev.hndeepest.request.WindowRequestParser;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

/** The submit function's composition root: its environment in, the job store, the queue and the API wired. */
final class SubmitJobFunction {
  private SubmitJobFunction() {}

  static SubmitJobApi api(Map<String, String> environment, Clock clock) {
    var settings = SubmitJobSettings.from(Environment.of(environment));
    var store = new DynamoJobStore(AwsClients.dynamoDb(settings.aws()), settings.jobsTableName(), settings.jobTtl(),
        clock);
    var queue = new SqsWorkQueue(AwsClients.sqs(settings.aws()), settings.workQueueUrl());
    // A snapshot's windows end at its end at the latest, whatever the clock says; the job's own times are the clock's.
    var windowClock = settings.hnSnapshotEnd().map(end -> Clock.fixed(end, ZoneOffset.UTC)).orElse(clock);
    return new SubmitJobApi(new JobSubmission(store, queue, clock), new WindowRequestParser(settings.maxHours()),
        windowClock, settings.jobTtl());
  }
}
