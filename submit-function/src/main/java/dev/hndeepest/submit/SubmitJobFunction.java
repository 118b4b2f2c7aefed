package dev.hndeepest.submit;

import dev.hndeepest.api.SubmitJobApi;
import dev.hndeepest.config.AwsClients;
import dev.hndeepest.config.Environment;
import dev.hndeepest.job.JobSubmission;
import dev.hndeepest.job.dynamo.DynamoJobStore;
import dev.hndeepest.job.sqs.SqsWorkQueue;
import dev.hndeepest.lambda.metrics.PowertoolsJobMetrics;
import dev.hndeepest.request.WindowRequestParser;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

/** The submit function's composition root: its environment in, the job store, the queue, the metrics and the API wired. */
final class SubmitJobFunction {
  private SubmitJobFunction() {}

  /** What the handler holds: the API and the metrics it flushes after each request. */
  record Wired(SubmitJobApi api, PowertoolsJobMetrics metrics) {}

  /**
   * "Now" for a window: the minute of the request (PRODUCT.md §3: an omitted asOf is the submit time
   * rounded down to the minute, so one window asked twice within a minute is one job); a snapshot's
   * windows end at its end at the latest, whatever the clock says. The job's own times are the clock's.
   */
  static Clock windowClock(SubmitJobSettings settings, Clock clock) {
    return settings.hnSnapshotEnd().map(end -> Clock.fixed(end, ZoneOffset.UTC))
        .orElseGet(() -> Clock.tick(clock, Duration.ofMinutes(1)));
  }

  static Wired wire(Map<String, String> environment, Clock clock) {
    var env = Environment.of(environment);
    var settings = SubmitJobSettings.from(env);
    var metrics = PowertoolsJobMetrics.from(env);
    var store = new DynamoJobStore(AwsClients.dynamoDb(settings.aws()), settings.jobsTableName(), settings.jobTtl(),
        clock);
    var queue = new SqsWorkQueue(AwsClients.sqs(settings.aws()), settings.workQueueUrl());
    var api = new SubmitJobApi(new JobSubmission(store, queue, clock, metrics),
        new WindowRequestParser(settings.maxHours()), windowClock(settings, clock), settings.jobTtl());
    return new Wired(api, metrics);
  }
}
