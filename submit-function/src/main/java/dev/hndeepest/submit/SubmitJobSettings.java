package dev.hndeepest.submit;

import dev.hndeepest.config.AwsSettings;
import dev.hndeepest.config.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the submit function reads from its environment: exactly the variables template.yaml gives
 * {@code SubmitJobFunction} (and {@code Globals}), plus the AWS settings Lambda's runtime sets.
 *
 * @param hnSnapshotEnd the end of the frozen HN snapshot the workers read, if they read one: "now"
 *     for a window's {@code asOf}
 */
record SubmitJobSettings(AwsSettings aws, String jobsTableName, String workQueueUrl, int maxHours, Duration jobTtl,
    Optional<Instant> hnSnapshotEnd) {

  static SubmitJobSettings from(Environment env) {
    return new SubmitJobSettings(
        AwsSettings.from(env),
        env.requiredText("JOBS_TABLE_NAME"),
        env.requiredText("WORK_QUEUE_URL"),
        env.requiredPositiveInt("MAX_HOURS"),
        Duration.ofDays(env.requiredPositiveInt("JOB_TTL_DAYS")),
        env.instant("HN_SNAPSHOT_END"));
  }
}
