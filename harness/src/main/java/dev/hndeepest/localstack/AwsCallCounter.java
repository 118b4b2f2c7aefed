package dev.hndeepest.localstack;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Counts the AWS calls this process made, by service and operation ("DynamoDb.TransactWriteItems"),
 * so {@code job --stats} and the benchmark can report what a job cost. The harness passes it to
 * every SDK client of its JVM (the functions' included) as the SDK's global interceptor, named in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the harness's classpath;
 * the functions' deployment jars carry no such file, so nothing is metered on AWS. Counting is a
 * map increment per call.
 */
public final class AwsCallCounter implements ExecutionInterceptor {
  private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
  private static final LongAdder SQS_MESSAGES_SENT = new LongAdder();

  /** Built by the SDK, once per client; the counts are the process's. */
  public AwsCallCounter() {}

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    CALLS.computeIfAbsent(key, k -> new LongAdder()).increment();
    switch (context.request()) {
      case SendMessageRequest single -> SQS_MESSAGES_SENT.increment();
      case SendMessageBatchRequest batch -> SQS_MESSAGES_SENT.add(batch.entries().size());
      default -> {}
    }
  }

  /** Calls so far, sorted by name. */
  public static Map<String, Long> snapshot() {
    var copy = new TreeMap<String, Long>();
    CALLS.forEach((name, count) -> copy.put(name, count.sum()));
    return copy;
  }

  /** SQS messages sent so far: one per SendMessage call, one per SendMessageBatch entry. */
  public static long sqsMessagesSent() {
    return SQS_MESSAGES_SENT.sum();
  }

  public static void reset() {
    CALLS.clear();
    SQS_MESSAGES_SENT.reset();
  }
}
