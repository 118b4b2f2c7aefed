package dev.hndeepest.status;

import dev.hndeepest.config.AwsSettings;
import dev.hndeepest.config.Environment;
import java.time.Duration;

/**
 * What the status function reads from its environment: exactly the variables template.yaml gives
 * {@code JobStatusFunction} (through {@code Globals}), plus the AWS settings Lambda's runtime sets.
 *
 * @param stallTimeout {@code JOB_STALL_SECONDS}, which the template leaves at its default: longer
 *     than a work message takes to exhaust its deliveries as deployed (3 × 1,080 s visibility plus
 *     the worker's longest HN give-up), so only a lost message trips it
 */
record JobStatusSettings(AwsSettings aws, String jobsTableName, Duration jobTtl, Duration stallTimeout) {
  static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofHours(1);

  static JobStatusSettings from(Environment env) {
    return new JobStatusSettings(
        AwsSettings.from(env),
        env.requiredText("JOBS_TABLE_NAME"),
        Duration.ofDays(env.requiredPositiveInt("JOB_TTL_DAYS")),
        env.positiveInt("JOB_STALL_SECONDS").map(Duration::ofSeconds).orElse(DEFAULT_STALL_TIMEOUT));
  }
}
