package dev.hndeepest.localstack;

import dev.hndeepest.config.AppConfig;

/**
 * What {@link LocalResources#provision} made: the configuration the handlers get (endpoint,
 * region, table name, queue URL) and the details only the local stack and tests need.
 */
public record ProvisionedResources(
    AppConfig appConfig, String workQueueArn, String deadLetterQueueUrl, String deadLetterQueueArn) {

  public String jobsTableName() {
    return appConfig.requireJobsTableName();
  }

  public String workQueueUrl() {
    return appConfig.requireWorkQueueUrl();
  }
}
