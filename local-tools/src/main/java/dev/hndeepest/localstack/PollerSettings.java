package dev.hndeepest.localstack;

import java.time.Duration;

/**
 * How the local SQS event source mapping polls.
 *
 * @param workers concurrent pollers, each with its own handler instance (Lambda's concurrency)
 * @param batchSize messages per receive and per invocation, 1-10
 * @param receiveWait long-poll wait per receive, 0-20 s; also bounds how long close() waits for
 *     an idle poller
 * @param functionTimeout the Lambda timeout the worker's {@code Context} counts down from
 */
public record PollerSettings(
    String functionName, int workers, int batchSize, Duration receiveWait, Duration functionTimeout) {
  public static final int DEFAULT_WORKERS = 4;

  public PollerSettings {
    if (functionName == null || functionName.isBlank()) {
      throw new IllegalArgumentException("the worker needs a function name");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    if (batchSize < 1 || batchSize > 10) {
      throw new IllegalArgumentException("batch size must be 1-10 (an SQS receive limit), got " + batchSize);
    }
    if (receiveWait.isNegative() || receiveWait.toSeconds() > 20 || receiveWait.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("receive wait must be whole seconds from 0 to 20, got " + receiveWait);
    }
    if (functionTimeout.isNegative() || functionTimeout.isZero()) {
      throw new IllegalArgumentException("function timeout must be positive");
    }
  }

  /** {@code worker-function}, 4 workers, batches of 10, 5 s long polls, a 5-minute function timeout. */
  public static PollerSettings defaults() {
    return new PollerSettings("worker-function", DEFAULT_WORKERS, 10, Duration.ofSeconds(5), Duration.ofMinutes(5));
  }

  public PollerSettings withWorkers(int newWorkers) {
    return new PollerSettings(functionName, newWorkers, batchSize, receiveWait, functionTimeout);
  }

  public PollerSettings withBatchSize(int newBatchSize) {
    return new PollerSettings(functionName, workers, newBatchSize, receiveWait, functionTimeout);
  }

  public PollerSettings withReceiveWait(Duration newReceiveWait) {
    return new PollerSettings(functionName, workers, batchSize, newReceiveWait, functionTimeout);
  }
}
