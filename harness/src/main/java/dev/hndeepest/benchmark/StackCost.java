package dev.hndeepest.benchmark;

/**
 * What one job cost the local stack's AWS side, counted by the SDK interceptor and the poller.
 *
 * @param sqsSent work messages sent (SendMessage calls plus SendMessageBatch entries)
 * @param sqsDelivered messages handed to workers, redeliveries counted again
 * @param dynamoReads GetItem, Query, Scan and BatchGetItem calls, the status polls' included
 * @param dynamoWrites PutItem, UpdateItem, DeleteItem, BatchWriteItem and TransactWriteItems calls
 * @param statusPolls GET /jobs/{id} requests the benchmark made while waiting
 * @param workerInvocations worker invocations (one per delivered batch of messages)
 * @param workerHandlerNanos time the workers spent inside their handler, added up: Lambda's billed duration
 */
record StackCost(long sqsSent, long sqsDelivered, long dynamoReads, long dynamoWrites, long statusPolls,
    long workerInvocations, long workerHandlerNanos) {}
