package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's SQS event source mapping, in-process: {@code workers} pollers long-poll the queue, hand
 * each batch to their own worker handler as an {@link SQSEvent}, and delete what succeeded
 * according to the partial batch response (see {@link DeliveryOutcome}). Messages left on the
 * queue come back after the visibility timeout; the queue's redrive policy moves a message to the
 * dead-letter queue after {@code maxReceiveCount} receives (the emulator does that, as SQS does).
 */
public final class SqsEventSourcePoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourcePoller.class);
  private static final Duration MAX_ERROR_BACKOFF = Duration.ofSeconds(5);
  // Beyond the receive wait and the function timeout, how long close() gives a poller to stop.
  private static final Duration CLOSE_MARGIN = Duration.ofSeconds(5);

  private final SqsClient sqs;
  private final String queueUrl;
  private final String queueArn;
  private final String region;
  private final PollerSettings settings;
  private final List<Thread> pollers = new ArrayList<>();
  private volatile boolean running = true;

  private final LongAdder batches = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder handlerNanos = new LongAdder();
  private final LongAdder deleted = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder batchesFailed = new LongAdder();

  private SqsEventSourcePoller(SqsClient sqs, String queueUrl, String region, PollerSettings settings) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.region = region;
    this.settings = settings;
    this.queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
            .attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  /**
   * Builds one handler per worker now (so a handler that cannot start fails here) and starts
   * polling.
   */
  public static SqsEventSourcePoller start(SqsClient sqs, String queueUrl, String region,
      Supplier<? extends RequestHandler<SQSEvent, SQSBatchResponse>> handlerFactory, PollerSettings settings) {
    var poller = new SqsEventSourcePoller(sqs, queueUrl, region, settings);
    var handlers = new ArrayList<RequestHandler<SQSEvent, SQSBatchResponse>>();
    for (int i = 0; i < settings.workers(); i++) {
      RequestHandler<SQSEvent, SQSBatchResponse> handler = handlerFactory.get();
      if (handler == null) {
        throw new IllegalStateException("the handler factory of " + settings.functionName() + " returned null");
      }
      handlers.add(handler);
    }
    for (int i = 0; i < handlers.size(); i++) {
      var handler = handlers.get(i);
      poller.pollers.add(Thread.ofVirtual().name("sqs-poller-" + (i + 1)).start(() -> poller.pollUntilClosed(handler)));
    }
    LOG.info("{} polls {} with {} worker(s), batches of up to {} (window {}, partial batch responses {})",
        settings.functionName(), queueUrl, settings.workers(), settings.batchSize(), settings.maximumBatchingWindow(),
        settings.reportBatchItemFailures() ? "on" : "off");
    return poller;
  }

  /** Time spent inside the handler so far, over every invocation. */
  public long handlerNanos() {
    return handlerNanos.sum();
  }

  public PollerStats stats() {
    return new PollerStats(batches.sum(), delivered.sum(), deleted.sum(), failed.sum(), batchesFailed.sum());
  }

  /** The ARN that records carry as {@code eventSourceARN}. */
  public String queueArn() {
    return queueArn;
  }

  /** Stops receiving; batches already received are still handed over and settled first. */
  @Override
  public void close() {
    running = false;
    var patience = settings.receiveWait().plus(settings.functionTimeout()).plus(CLOSE_MARGIN);
    for (var poller : pollers) {
      try {
        if (!poller.join(patience)) {
          LOG.warn("{} did not stop within {}; interrupting it", poller.getName(), patience);
          poller.interrupt();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.info("{} stopped polling: {}", settings.functionName(), stats());
  }

  private void pollUntilClosed(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    var backoff = Duration.ofMillis(250);
    while (running) {
      List<Message> messages;
      try {
        messages = receive();
        backoff = Duration.ofMillis(250);
      } catch (SdkException e) {
        LOG.warn("receiving from {} failed ({}); retrying in {}", queueUrl, e.getMessage(), backoff);
        if (!pause(backoff)) {
          return;
        }
        backoff = backoff.multipliedBy(2).compareTo(MAX_ERROR_BACKOFF) > 0 ? MAX_ERROR_BACKOFF : backoff.multipliedBy(2);
        continue;
      }
      if (!messages.isEmpty()) {
        try {
          deliver(handler, messages);
        } catch (RuntimeException e) {
          // A poller must outlive a bad batch, as Lambda's does: the messages come back after the timeout.
          LOG.error("{} could not settle a batch of {}; it will be redelivered", settings.functionName(),
              messages.size(), e);
        }
      }
    }
  }

  /**
   * One batch: a long poll, then, with a batching window, more receives until the batch is full or
   * the window since the first message has passed, as Lambda's poller gathers a batch.
   */
  private List<Message> receive() {
    var batch = new ArrayList<>(receive(settings.receiveWait()));
    if (batch.isEmpty() || settings.maximumBatchingWindow().isZero()) {
      return batch;
    }
    long windowEnds = System.nanoTime() + settings.maximumBatchingWindow().toNanos();
    while (batch.size() < settings.batchSize() && running) {
      long left = windowEnds - System.nanoTime();
      if (left <= 0) {
        break;
      }
      var wait = Duration.ofSeconds(Math.min(1, Duration.ofNanos(left).toSeconds()));
      var more = receive(wait, settings.batchSize() - batch.size());
      // A message received again meanwhile (its visibility ran out) counts once, with its newest handle.
      var ids = more.stream().map(Message::messageId).collect(Collectors.toSet());
      batch.removeIf(message -> ids.contains(message.messageId()));
      batch.addAll(more);
      if (more.isEmpty() && wait.isZero() && !pause(Duration.ofMillis(100))) {
        break;
      }
    }
    return batch;
  }

  private List<Message> receive(Duration wait) {
    return receive(wait, settings.batchSize());
  }

  private List<Message> receive(Duration wait, int wanted) {
    return sqs.receiveMessage(request -> request
            .queueUrl(queueUrl)
            .maxNumberOfMessages(Math.min(PollerSettings.SQS_RECEIVE_LIMIT, wanted))
            .waitTimeSeconds((int) wait.toSeconds())
            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
            .messageAttributeNames("All"))
        .messages();
  }

  private void deliver(RequestHandler<SQSEvent, SQSBatchResponse> handler, List<Message> messages) {
    batches.increment();
    delivered.add(messages.size());
    var ids = messages.stream().map(Message::messageId).toList();
    var context = LocalLambdaContext.forInvocation(settings.functionName(), settings.functionTimeout());
    DeliveryOutcome outcome;
    long started = System.nanoTime();
    try {
      var response = handler.handleRequest(SqsEventTranslator.toEvent(messages, queueArn, region), context);
      handlerNanos.add(System.nanoTime() - started);
      // Without ReportBatchItemFailures Lambda ignores the list: a batch that returns succeeded.
      outcome = settings.reportBatchItemFailures() ? DeliveryOutcome.of(response, ids) : new DeliveryOutcome.AllSucceeded();
    } catch (RuntimeException | Error e) {
      handlerNanos.add(System.nanoTime() - started);
      LOG.error("{} threw on a batch of {} awsRequestId={}; the whole batch will be retried",
          settings.functionName(), messages.size(), context.getAwsRequestId(), e);
      outcome = new DeliveryOutcome.BatchFailed(e.toString());
    }
    if (outcome instanceof DeliveryOutcome.BatchFailed(var reason)) {
      batchesFailed.increment();
      LOG.warn("{} batch of {} failed: {} awsRequestId={}", settings.functionName(), messages.size(), reason,
          context.getAwsRequestId());
    }
    var toDelete = outcome.toDelete(ids);
    failed.add(messages.size() - toDelete.size());
    delete(messages, toDelete);
  }

  private void delete(List<Message> messages, List<String> idsToDelete) {
    if (idsToDelete.isEmpty()) {
      return;
    }
    Map<String, Message> byId = messages.stream().collect(Collectors.toMap(Message::messageId, Function.identity()));
    // Entry ids are the batch positions: message ids may hold characters an entry id may not.
    var entries = new ArrayList<DeleteMessageBatchRequestEntry>();
    for (int i = 0; i < idsToDelete.size(); i++) {
      entries.add(DeleteMessageBatchRequestEntry.builder()
          .id(String.valueOf(i))
          .receiptHandle(byId.get(idsToDelete.get(i)).receiptHandle())
          .build());
    }
    // SQS deletes at most 10 messages per call; a batch gathered over a window may hold more.
    for (int start = 0; start < entries.size(); start += PollerSettings.SQS_RECEIVE_LIMIT) {
      var chunk = entries.subList(start, Math.min(start + PollerSettings.SQS_RECEIVE_LIMIT, entries.size()));
      try {
        var result = sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(chunk));
        deleted.add(result.successful().size());
        result.failed().forEach(failure -> LOG.warn("deleting message {} failed: {} {}",
            idsToDelete.get(Integer.parseInt(failure.id())), failure.code(), failure.message()));
      } catch (SdkException e) {
        LOG.warn("deleting {} message(s) from {} failed ({}); they will be redelivered", chunk.size(), queueUrl,
            e.getMessage());
      }
    }
  }

  /** Sleeps unless closing; false when the poller should stop. */
  private boolean pause(Duration duration) {
    try {
      Thread.sleep(duration);
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
