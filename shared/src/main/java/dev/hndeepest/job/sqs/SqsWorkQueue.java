package dev.hndeepest.job.sqs;

import dev.hndeepest.job.BackendException;
import dev.hndeepest.job.WorkMessage;
import dev.hndeepest.job.WorkMessageCodec;
import dev.hndeepest.job.WorkQueue;
import dev.hndeepest.job.aws.AwsFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The {@link WorkQueue} on SQS; fan-out goes out ten messages per SendMessageBatch call. SQS's
 * failures reach callers as {@link BackendException}s.
 */
public final class SqsWorkQueue implements WorkQueue {
  static final int SQS_BATCH_LIMIT = 10;
  /** Entries that SQS refused in a batch are sent again this many times before giving up. */
  static final int RESEND_ATTEMPTS = 3;

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsWorkQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void send(WorkMessage message) {
    AwsFailures.run(() -> {
      sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(WorkMessageCodec.encode(message)));
    });
  }

  @Override
  public void sendAll(List<? extends WorkMessage> messages) {
    AwsFailures.run(() -> {
      for (int start = 0; start < messages.size(); start += SQS_BATCH_LIMIT) {
        var chunk = messages.subList(start, Math.min(start + SQS_BATCH_LIMIT, messages.size()));
        var entries = new ArrayList<SendMessageBatchRequestEntry>();
        for (int i = 0; i < chunk.size(); i++) {
          entries.add(SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .messageBody(WorkMessageCodec.encode(chunk.get(i)))
              .build());
        }
        sendBatch(entries);
      }
    });
  }

  private void sendBatch(List<SendMessageBatchRequestEntry> entries) {
    var pending = entries;
    for (int attempt = 1; ; attempt++) {
      var toSend = pending;
      var response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(toSend));
      if (!response.hasFailed() || response.failed().isEmpty()) {
        return;
      }
      var failedIds = response.failed().stream().map(f -> f.id()).collect(Collectors.toSet());
      if (attempt == RESEND_ATTEMPTS) {
        throw new BackendException.Unavailable("SQS refused " + failedIds.size() + " work messages: "
            + response.failed().getFirst().code() + " " + response.failed().getFirst().message(), null);
      }
      pending = pending.stream().filter(e -> failedIds.contains(e.id())).toList();
    }
  }
}
