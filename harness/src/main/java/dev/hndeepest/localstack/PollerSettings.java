package dev.hndeepest.localstack;

import java.time.Duration;

/**
 * How the local SQS event source mapping polls: the mapping's own settings from the template, and
 * {@code receiveWait}, which only the local poller has.
 *
 * @param workers concurrent pollers, each with its own handler instance: the mapping's
 *     {@code ScalingConfig.MaximumConcurrency}
 * @param batchSize the most messages per invocation ({@code BatchSize}); above 10 (one receive)
 *     Lambda requires a batching window, and so does this
 * @param maximumBatchingWindow how long to gather messages before invoking with fewer than
 *     {@code batchSize} ({@code MaximumBatchingWindowInSeconds})
 * @param reportBatchItemFailures {@code FunctionResponseTypes: [ReportBatchItemFailures]}: only
 *     then does the function's {@code batchItemFailures} list count; otherwise a batch that returns
 *     succeeded as a whole
 * @param receiveWait long-poll wait per receive, 0-20 s (Lambda's pollers wait 20 s); also bounds
 *     how long close() waits for an idle poller
 * @param functionTimeout the function's {@code Timeout}, which its {@code Context} counts down from
 */
public record PollerSettings(String functionName, int workers, int batchSize, Duration maximumBatchingWindow,
    boolean reportBatchItemFailures, Duration receiveWait, Duration functionTimeout) {
  public static final int SQS_RECEIVE_LIMIT = 10;

  public PollerSettings {
    if (functionName == null || functionName.isBlank()) {
      throw new IllegalArgumentException("the worker needs a function name");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("batch size must be 1-10000 (Lambda's limit for standard queues), got "
          + batchSize);
    }
    if (maximumBatchingWindow.isNegative() || maximumBatchingWindow.toSeconds() > 300) {
      throw new IllegalArgumentException("batching window must be 0-300 s, got " + maximumBatchingWindow);
    }
    if (batchSize > SQS_RECEIVE_LIMIT && maximumBatchingWindow.isZero()) {
      throw new IllegalArgumentException("a batch size above 10 needs a batching window of at least 1 s, as Lambda says");
    }
    if (receiveWait.isNegative() || receiveWait.toSeconds() > 20 || receiveWait.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("receive wait must be whole seconds from 0 to 20, got " + receiveWait);
    }
    if (functionTimeout.isNegative() || functionTimeout.isZero()) {
      throw new IllegalArgumentException("function timeout must be positive");
    }
  }

  /** For tests of the poller alone: 4 workers, batches of 10, no window, partial batch responses on, 5 s long polls. */
  public static PollerSettings defaults() {
    return new PollerSettings("worker-function", 4, 10, Duration.ZERO, true, Duration.ofSeconds(5),
        Duration.ofMinutes(5));
  }

  public PollerSettings withWorkers(int newWorkers) {
    return new PollerSettings(functionName, newWorkers, batchSize, maximumBatchingWindow, reportBatchItemFailures,
        receiveWait, functionTimeout);
  }

  public PollerSettings withBatchSize(int newBatchSize) {
    return new PollerSettings(functionName, workers, newBatchSize, maximumBatchingWindow, reportBatchItemFailures,
        receiveWait, functionTimeout);
  }

  public PollerSettings withBatching(int newBatchSize, Duration window) {
    return new PollerSettings(functionName, workers, newBatchSize, window, reportBatchItemFailures, receiveWait,
        functionTimeout);
  }

  public PollerSettings withReportBatchItemFailures(boolean report) {
    return new PollerSettings(functionName, workers, batchSize, maximumBatchingWindow, report, receiveWait,
        functionTimeout);
  }

  public PollerSettings withReceiveWait(Duration newReceiveWait) {
    return new PollerSettings(functionName, workers, batchSize, maximumBatchingWindow, reportBatchItemFailures,
        newReceiveWait, functionTimeout);
  }
}
