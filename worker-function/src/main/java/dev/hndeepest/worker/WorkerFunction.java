package dev.hndeepest.worker;

import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.config.AwsClients;
import dev.hndeepest.config.Environment;
import dev.hndeepest.hn.FirebaseHnClient;
import dev.hndeepest.hn.HnClientConfig;
import dev.hndeepest.hn.RetryPolicy;
import dev.hndeepest.job.BatchPlanner;
import dev.hndeepest.job.WorkProcessor;
import dev.hndeepest.job.dynamo.DynamoJobStore;
import dev.hndeepest.job.sqs.SqsWorkQueue;
import dev.hndeepest.lambda.metrics.PowertoolsJobMetrics;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

/** The worker's composition root: its environment in, the job store, the queue, the HN client and the metrics wired. */
final class WorkerFunction {
  private WorkerFunction() {}

  /** What the handler holds: the processor and the metrics it flushes after each delivery. */
  record Wired(WorkProcessor processor, PowertoolsJobMetrics metrics) {}

  static Wired wire(Map<String, String> environment, Clock clock) {
    var env = Environment.of(environment);
    var settings = WorkerSettings.from(env);
    var metrics = PowertoolsJobMetrics.from(env);
    var store = new DynamoJobStore(AwsClients.dynamoDb(settings.aws()), settings.jobsTableName(), settings.jobTtl(),
        clock);
    var queue = new SqsWorkQueue(AwsClients.sqs(settings.aws()), settings.workQueueUrl());
    var hnClient = HnClientConfig.defaults(settings.hnApiBaseUrl()).withMaxConcurrency(settings.hnConcurrency())
        .withRetry(RetryPolicy.defaults().withStallTimeout(settings.hnStallTimeout()));
    var snapshotEnd = settings.hnSnapshotEnd();
    var source = snapshotEnd.isPresent() ? ItemSource.SNAPSHOT : ItemSource.of(settings.hnApiBaseUrl());
    // A snapshot's "now" is its end: a window ending there is as of now, as the command with --demo sees it.
    var hnClock = snapshotEnd.map(end -> Clock.fixed(end, ZoneOffset.UTC)).orElse(clock);
    var processor = new WorkProcessor(store, queue, () -> new FirebaseHnClient(hnClient), source, new BatchPlanner(),
        hnClock, settings.maxReceiveCount(), WorkProcessor.DEFAULT_IDS_PER_BATCH, settings.batchesPerRound(), metrics);
    return new Wired(processor, metrics);
  }
}
