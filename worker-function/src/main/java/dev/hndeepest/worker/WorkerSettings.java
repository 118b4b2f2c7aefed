package dev.hndeepest.worker;

import dev.hndeepest.config.AwsSettings;
import dev.hndeepest.config.Environment;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the worker reads from its environment: exactly the variables template.yaml gives
 * {@code WorkerFunction} (and {@code Globals}), plus the AWS settings Lambda's runtime sets.
 *
 * @param maxReceiveCount the deliveries after which the queue dead-letters a message, so that the
 *     last one ends the job FAILED: the template feeds it and the redrive policy from one parameter
 * @param hnStallTimeout a delivery gives up once no HN request has succeeded for this long
 * @param hnSnapshotEnd set when {@code hnApiBaseUrl} serves a frozen snapshot ending then
 * @param batchesPerRound messages the event source hands the workers at once: its most concurrent
 *     invocations times its batch size (WORKER_MAX_CONCURRENCY x WORK_BATCH_SIZE)
 */
record WorkerSettings(AwsSettings aws, String jobsTableName, String workQueueUrl, URI hnApiBaseUrl, int hnConcurrency,
    Duration hnStallTimeout, Duration jobTtl, int maxReceiveCount, Optional<Instant> hnSnapshotEnd,
    int batchesPerRound) {

  static WorkerSettings from(Environment env) {
    return new WorkerSettings(
        AwsSettings.from(env),
        env.requiredText("JOBS_TABLE_NAME"),
        env.requiredText("WORK_QUEUE_URL"),
        env.requiredUri("HN_API_BASE_URL"),
        env.requiredPositiveInt("HN_CONCURRENCY"),
        Duration.ofSeconds(env.requiredPositiveInt("HN_STALL_SECONDS")),
        Duration.ofDays(env.requiredPositiveInt("JOB_TTL_DAYS")),
        env.requiredPositiveInt("MAX_RECEIVE_COUNT"),
        env.instant("HN_SNAPSHOT_END"),
        env.requiredPositiveInt("WORKER_MAX_CONCURRENCY") * env.requiredPositiveInt("WORK_BATCH_SIZE"));
  }
}
