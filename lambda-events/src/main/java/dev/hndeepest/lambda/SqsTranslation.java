package dev.hndeepest.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hndeepest.job.QueuedMessage;
import java.util.List;
import java.util.Map;

/** Translates SQS events for the worker and reports partial batch failures back to Lambda. */
public final class SqsTranslation {
  private SqsTranslation() {}

  public static List<QueuedMessage> toQueuedMessages(SQSEvent event) {
    if (event == null || event.getRecords() == null) {
      return List.of();
    }
    return event.getRecords().stream()
        .map(record -> new QueuedMessage(record.getMessageId(), record.getBody(), receiveCount(record.getAttributes())))
        .toList();
  }

  public static SQSBatchResponse toBatchResponse(List<String> failedMessageIds) {
    return new SQSBatchResponse(failedMessageIds.stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
  }

  private static int receiveCount(Map<String, String> attributes) {
    if (attributes == null) {
      return 1;
    }
    try {
      return Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1"));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
