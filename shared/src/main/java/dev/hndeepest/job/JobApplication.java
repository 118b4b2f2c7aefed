package dev.hndeepest.job;

import dev.hndeepest.api.JobsApi;
import dev.hndeepest.config.AppConfig;
import dev.hndeepest.config.AwsClients;
import dev.hndeepest.hn.FirebaseHnClient;
import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnClientConfig;
import dev.hndeepest.hn.RetryPolicy;
import dev.hndeepest.job.dynamo.DynamoJobStore;
import dev.hndeepest.job.sqs.SqsWorkQueue;
import dev.hndeepest.request.WindowRequestParser;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Wires the job services from configuration, once per container: the handlers' no-argument
 * constructors use {@link #fromEnvironment()}, tests and the local stack pass their own config.
 */
public record JobApplication(JobsApi jobsApi, WorkProcessor workProcessor) {

  public static JobApplication fromEnvironment() {
    return fromConfig(AppConfig.fromEnvironment(), Clock.systemUTC());
  }

  public static JobApplication fromConfig(AppConfig config, Clock clock) {
    var dynamoDb = AwsClients.dynamoDb(config);
    var sqs = AwsClients.sqs(config);
    var store = new DynamoJobStore(dynamoDb, config.requireJobsTableName(), config.jobTtl(), clock);
    var queue = new SqsWorkQueue(sqs, config.requireWorkQueueUrl());
    var submission = new JobSubmission(store, queue, new WindowRequestParser(config.maxHours()), clock);
    var jobsApi = new JobsApi(submission, new JobStatusQuery(store, clock, config.jobStallTimeout()));
    Supplier<HnApi> hnApi = () -> new FirebaseHnClient(
        HnClientConfig.defaults(config.hnApiBaseUrl()).withMaxConcurrency(config.hnConcurrency())
            .withRetry(RetryPolicy.forQueueWorker().withStallTimeout(config.hnStallTimeout())));
    var workProcessor = new WorkProcessor(store, queue, hnApi, new BatchPlanner(), clock, config.maxReceiveCount());
    return new JobApplication(jobsApi, workProcessor);
  }
}
