package dev.hndeepest.config;

import dev.hndeepest.hn.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a function or the local stack reads from its environment (see docs/DESIGN.md).
 * Built once per container; tests and the local stack build it from a map instead.
 */
public record AppConfig(
    URI hnApiBaseUrl,
    int hnConcurrency,
    Optional<URI> awsEndpoint,
    String awsRegion,
    String jobsTableName,
    String workQueueUrl,
    int maxHours,
    Duration jobTtl,
    int maxReceiveCount,
    Duration jobStallTimeout,
    Duration hnStallTimeout) {

  public static final URI FIREBASE_BASE_URL = URI.create("https://hacker-news.firebaseio.com/v0");
  public static final int DEFAULT_HN_CONCURRENCY = 64;
  public static final int DEFAULT_MAX_HOURS = 720;
  /** Deployed: 3 deliveries × 1,080 s visibility + the worker's longest HN give-up, rounded up. */
  public static final int DEFAULT_JOB_STALL_SECONDS = 3_600;

  public static AppConfig fromEnvironment() {
    return from(System.getenv());
  }

  /** Reads the variables of docs/DESIGN.md; a present but malformed value is an error, not a default. */
  public static AppConfig from(Map<String, String> env) {
    var reader = new EnvironmentReader(env);
    return new AppConfig(
        reader.uri("HN_API_BASE_URL").orElse(FIREBASE_BASE_URL),
        reader.positiveInt("HN_CONCURRENCY").orElse(DEFAULT_HN_CONCURRENCY),
        reader.uri("AWS_ENDPOINT_URL"),
        reader.text("AWS_REGION").or(() -> reader.text("AWS_DEFAULT_REGION")).orElse("us-east-1"),
        reader.text("JOBS_TABLE_NAME").orElse(null),
        reader.text("WORK_QUEUE_URL").orElse(null),
        reader.positiveInt("MAX_HOURS").orElse(DEFAULT_MAX_HOURS),
        Duration.ofDays(reader.positiveInt("JOB_TTL_DAYS").orElse(7)),
        reader.positiveInt("MAX_RECEIVE_COUNT").orElse(3),
        Duration.ofSeconds(reader.positiveInt("JOB_STALL_SECONDS").orElse(DEFAULT_JOB_STALL_SECONDS)),
        reader.positiveInt("HN_STALL_SECONDS").map(Duration::ofSeconds).orElse(RetryPolicy.WORKER_STALL_TIMEOUT));
  }

  /** This config with its AWS clients pointed at an emulator (moto, LocalStack). */
  public AppConfig withAwsEndpoint(URI endpoint, String region) {
    return new AppConfig(hnApiBaseUrl, hnConcurrency, Optional.of(endpoint), region, jobsTableName, workQueueUrl,
        maxHours, jobTtl, maxReceiveCount, jobStallTimeout, hnStallTimeout);
  }

  /** This config with the job table and work queue it should use. */
  public AppConfig withResources(String tableName, String queueUrl) {
    return new AppConfig(hnApiBaseUrl, hnConcurrency, awsEndpoint, awsRegion, tableName, queueUrl,
        maxHours, jobTtl, maxReceiveCount, jobStallTimeout, hnStallTimeout);
  }

  /** The table name, or a clear error naming the missing variable. */
  public String requireJobsTableName() {
    return require(jobsTableName, "JOBS_TABLE_NAME");
  }

  /** The queue URL, or a clear error naming the missing variable. */
  public String requireWorkQueueUrl() {
    return require(workQueueUrl, "WORK_QUEUE_URL");
  }

  private static String require(String value, String variable) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(variable + " is not set");
    }
    return value;
  }

  private record EnvironmentReader(Map<String, String> env) {
    Optional<String> text(String name) {
      return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    Optional<URI> uri(String name) {
      return text(name).map(value -> {
        try {
          var uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
          if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("no scheme or host");
          }
          return uri;
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(name + " is not a URL: " + value, e);
        }
      });
    }

    Optional<Integer> positiveInt(String name) {
      return text(name).map(value -> {
        try {
          int parsed = Integer.parseInt(value);
          if (parsed < 1) {
            throw new NumberFormatException("not positive");
          }
          return parsed;
        } catch (NumberFormatException e) {
          throw new IllegalStateException(name + " must be a positive integer, got " + value, e);
        }
      });
    }
  }
}
