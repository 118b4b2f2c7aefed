package dev.hndeepest.localstack;

import java.util.regex.Pattern;

/** Names of the local stack's table and queues, all derived from one prefix. */
public record ResourceNames(String jobsTable, String workQueue, String deadLetterQueue) {
  public static final String DEFAULT_PREFIX = "hn-deepest-local";
  // Within both SQS's (alphanumerics, '-', '_', 80 chars) and DynamoDB's name rules.
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,60}");

  public static ResourceNames withPrefix(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "resource name prefix must be 1-60 letters, digits, '-' or '_', got: " + prefix);
    }
    return new ResourceNames(prefix + "-jobs", prefix + "-work", prefix + "-work-dlq");
  }
}
