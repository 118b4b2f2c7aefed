package dev.hndeepest.submit;

import dev.hndeepest.config.AwsSettings;
import dev.hndeepest.config.Environment;
import java.time.Duration;

/**
 * What the submit function reads from its environment: exactly the variables template.yaml gives
 * {@code SubmitJobFunction} (and {@code Globals}), plus the AWS settings Lambda's runtime sets.
 */
record SubmitJobSettings(AwsSettings aws, String jobsTableName, String workQueueUrl, int maxHours, Duration jobTtl) {

  static SubmitJobSettings from(Environment env) {
    return new SubmitJobSettings(
        AwsSettings.from(env),
        env.requiredText("JOBS_TABLE_NAME"),
        env.requiredText("WORK_QUEUE_URL"),
        env.requiredPositiveInt("MAX_HOURS"),
        Duration.ofDays(env.requiredPositiveInt("JOB_TTL_DAYS")));
  }
}
