package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a worker's answer to a batch means for the queue, by Lambda's rules for partial batch
 * responses: no failures listed means every message succeeded; listed ids failed and the rest
 * succeeded; an id that is null, empty or not in the batch, or a handler that threw, fails the
 * whole batch. Failed messages are left on the queue to come back after the visibility timeout.
 */
public sealed interface DeliveryOutcome {
  record AllSucceeded() implements DeliveryOutcome {}

  record SomeFailed(Set<String> failedMessageIds) implements DeliveryOutcome {
    public SomeFailed {
      failedMessageIds = Set.copyOf(failedMessageIds);
    }
  }

  record BatchFailed(String reason) implements DeliveryOutcome {}

  static DeliveryOutcome of(SQSBatchResponse response, List<String> batchMessageIds) {
    if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
      return new AllSucceeded();
    }
    var failed = new HashSet<String>();
    for (var failure : response.getBatchItemFailures()) {
      var id = failure == null ? null : failure.getItemIdentifier();
      if (id == null || id.isEmpty() || !batchMessageIds.contains(id)) {
        return new BatchFailed("batchItemFailures names " + (id == null || id.isEmpty() ? "no id" : "unknown id " + id));
      }
      failed.add(id);
    }
    return new SomeFailed(failed);
  }

  /** The messages of the batch to delete from the queue. */
  default List<String> toDelete(List<String> batchMessageIds) {
    return switch (this) {
      case AllSucceeded all -> batchMessageIds;
      case SomeFailed some -> batchMessageIds.stream().filter(id -> !some.failedMessageIds().contains(id)).toList();
      case BatchFailed none -> List.of();
    };
  }
}
