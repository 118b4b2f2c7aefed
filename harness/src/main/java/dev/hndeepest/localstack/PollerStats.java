package dev.hndeepest.localstack;

/**
 * Counters of a {@link SqsEventSourcePoller}, as a snapshot.
 *
 * @param batches invocations of the worker
 * @param messagesDelivered messages handed to the worker, counting each redelivery again
 * @param messagesDeleted messages deleted after the worker succeeded with them
 * @param messagesFailed messages left on the queue (listed as failed, or in a failed batch)
 * @param batchesFailed invocations that threw or answered an invalid batch response
 */
public record PollerStats(
    long batches, long messagesDelivered, long messagesDeleted, long messagesFailed, long batchesFailed) {

  /** The counters of two pollers together. */
  public PollerStats plus(PollerStats other) {
    return new PollerStats(batches + other.batches, messagesDelivered + other.messagesDelivered,
        messagesDeleted + other.messagesDeleted, messagesFailed + other.messagesFailed,
        batchesFailed + other.batchesFailed);
  }
}
