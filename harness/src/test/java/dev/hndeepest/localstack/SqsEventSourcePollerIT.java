package dev.hndeepest.localstack;

// Starts a real moto_server (MotoServer, from the project venv) for the class; each test gets its
// own work queue and DLQ with a 1 s visibility timeout and maxReceiveCount 3.

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

class SqsEventSourcePollerIT {
  private static final Duration VISIBILITY = Duration.ofSeconds(1);
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final PollerSettings ONE_WORKER =
      PollerSettings.defaults().withWorkers(1).withReceiveWait(Duration.ofSeconds(1));

  private static MotoFixture emulator;
  private LocalResources resources;
  private SqsEventSourcePoller poller;

  /** One delivery of one message, as the worker saw it. */
  record Delivery(String messageId, String body, int receiveCount, int batchSize, String thread) {}

  /** A worker that records every delivery and fails the records a rule picks. */
  static final class RecordingWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final List<SQSEvent.SQSMessage> records = new CopyOnWriteArrayList<>();
    private final Predicate<Delivery> fails;

    RecordingWorker(Predicate<Delivery> fails) {
      this.fails = fails;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
      var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
      for (var record : event.getRecords()) {
        var delivery = new Delivery(record.getMessageId(), record.getBody(),
            Integer.parseInt(record.getAttributes().get("ApproximateReceiveCount")), event.getRecords().size(),
            Thread.currentThread().getName());
        deliveries.add(delivery);
        records.add(record);
        if (fails.test(delivery)) {
          failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
        }
      }
      return new SQSBatchResponse(failures);
    }

    List<Delivery> of(String body) {
      return deliveries.stream().filter(delivery -> delivery.body().equals(body)).toList();
    }
  }

  @BeforeAll
  static void startMoto() {
    emulator = MotoFixture.start();
  }

  @AfterAll
  static void stopMoto() {
    emulator.close();
  }

  @BeforeEach
  void provision() {
    resources = emulator.freshResources(VISIBILITY);
  }

  @AfterEach
  void stopPoller() {
    if (poller != null) {
      poller.close();
    }
  }

  @Test
  void poller_shouldDeliverLikeLambdaAndDelete_whenHandlerSucceeds() {
    // GIVEN a message with a message attribute
    emulator.sqs.sendMessage(request -> request.queueUrl(resources.queueUrl("WorkQueue")).messageBody("hello")
        .messageAttributes(Map.of("jobId", MessageAttributeValue.builder().dataType("String").stringValue("j-1").build())));
    var worker = new RecordingWorker(delivery -> false);

    // WHEN
    poller = startPoller(worker, ONE_WORKER);

    // THEN it is delivered once, as an SQS event record, and deleted
    MotoFixture.await("the message to be deleted", DEADLINE, () -> poller.stats().messagesDeleted() == 1);
    var record = worker.records.getFirst();
    assertThat(record.getBody()).isEqualTo("hello");
    assertThat(record.getEventSource()).isEqualTo("aws:sqs");
    assertThat(record.getEventSourceArn()).isEqualTo(resources.queueArn("WorkQueue"));
    assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
    assertThat(record.getReceiptHandle()).isNotBlank();
    assertThat(record.getMd5OfBody()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
    assertThat(record.getAttributes()).containsEntry("ApproximateReceiveCount", "1").containsKey("SentTimestamp");
    assertThat(record.getMessageAttributes().get("jobId").getStringValue()).isEqualTo("j-1");
    assertThat(emulator.messagesIn(resources.queueUrl("WorkQueue"))).isZero();
    assertThat(poller.stats()).isEqualTo(new PollerStats(1, 1, 1, 0, 0));
  }

  @Test
  void poller_shouldDeleteOnlySucceededMessages_whenBatchPartiallyFails() {
    // GIVEN three messages waiting, the middle one failing on its first delivery only
    sendBatch("a", "bad", "c");
    var worker = new RecordingWorker(delivery -> delivery.body().equals("bad") && delivery.receiveCount() == 1);

    // WHEN
    poller = startPoller(worker, ONE_WORKER);

    // THEN the good ones were delivered once, in one batch of three; the failed one came back
    MotoFixture.await("all three to be deleted", DEADLINE, () -> poller.stats().messagesDeleted() == 3);
    assertThat(worker.of("a")).singleElement().satisfies(delivery -> assertThat(delivery.batchSize()).isEqualTo(3));
    assertThat(worker.of("c")).hasSize(1);
    assertThat(worker.of("bad")).extracting(Delivery::receiveCount).containsExactly(1, 2);
    assertThat(poller.stats()).isEqualTo(new PollerStats(2, 4, 3, 1, 0));
    assertThat(emulator.messagesIn(resources.queueUrl("WorkQueue"))).isZero();
  }

  @Test
  void poller_shouldIgnoreTheListedFailures_whenTheMappingDoesNotReportBatchItemFailures() {
    // GIVEN a mapping without FunctionResponseTypes: [ReportBatchItemFailures], and a worker that lists one failure
    sendBatch("a", "listed", "c");
    var worker = new RecordingWorker(delivery -> delivery.body().equals("listed"));

    // WHEN
    poller = startPoller(worker, ONE_WORKER.withReportBatchItemFailures(false));

    // THEN Lambda's rule: a batch that returns succeeded, so all three are deleted after one delivery
    MotoFixture.await("all three to be deleted", DEADLINE, () -> poller.stats().messagesDeleted() == 3);
    assertThat(worker.of("listed")).hasSize(1);
    assertThat(poller.stats()).isEqualTo(new PollerStats(1, 3, 3, 0, 0));
  }

  @Test
  void poller_shouldGatherMoreThanOneReceive_whenTheBatchingWindowAllowsIt() {
    // GIVEN 14 messages and a mapping with batches of up to 20 gathered for up to 1 s
    sendBatch("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10");
    sendBatch("m11", "m12", "m13", "m14");
    var worker = new RecordingWorker(delivery -> false);

    // WHEN
    poller = startPoller(worker, ONE_WORKER.withBatching(20, Duration.ofSeconds(1)));

    // THEN one invocation got them all, more than one receive holds
    MotoFixture.await("all 14 to be deleted", DEADLINE, () -> poller.stats().messagesDeleted() == 14);
    assertThat(worker.deliveries).allSatisfy(delivery -> assertThat(delivery.batchSize()).isEqualTo(14));
    assertThat(poller.stats().batches()).isEqualTo(1);
  }

  @Test
  void poller_shouldLeaveMessageToDeadLetterQueue_whenItAlwaysFails() {
    // GIVEN a message every delivery of which fails
    emulator.sqs.sendMessage(request -> request.queueUrl(resources.queueUrl("WorkQueue")).messageBody("poison"));
    var worker = new RecordingWorker(delivery -> true);

    // WHEN
    poller = startPoller(worker, ONE_WORKER);

    // THEN the queue's redrive policy moved it to the DLQ after maxReceiveCount receives
    var inDeadLetterQueue = new ArrayList<String>();
    MotoFixture.await("the message to reach the DLQ", DEADLINE, () -> {
      emulator.sqs.receiveMessage(request -> request.queueUrl(resources.queueUrl("WorkDeadLetterQueue")).waitTimeSeconds(1))
          .messages().forEach(message -> inDeadLetterQueue.add(message.body()));
      return !inDeadLetterQueue.isEmpty();
    });
    assertThat(inDeadLetterQueue).containsExactly("poison");
    assertThat(worker.of("poison")).extracting(Delivery::receiveCount)
        .containsExactly(IntStream.rangeClosed(1, MotoFixture.MAX_RECEIVE_COUNT).boxed().toArray(Integer[]::new));
    assertThat(emulator.messagesIn(resources.queueUrl("WorkQueue"))).isZero();
  }

  @Test
  void poller_shouldRunBatchesSideBySide_whenSeveralWorkers() {
    // GIVEN four messages and a worker that holds each batch until four are in flight at once
    int workers = 4;
    var allInFlight = new CountDownLatch(workers);
    Set<String> metTogether = ConcurrentHashMap.newKeySet();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    RequestHandler<SQSEvent, SQSBatchResponse> waiting = (event, context) -> {
      threads.add(Thread.currentThread().getName());
      allInFlight.countDown();
      try {
        if (allInFlight.await(20, TimeUnit.SECONDS)) {
          event.getRecords().forEach(record -> metTogether.add(record.getBody()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new SQSBatchResponse(List.of());
    };
    sendBatch("m1", "m2", "m3", "m4");

    // WHEN four single-message pollers run
    poller = startPoller(waiting, ONE_WORKER.withWorkers(workers).withBatchSize(1));

    // THEN every message was in flight together with the three others, on four pollers
    MotoFixture.await("all four to be deleted", DEADLINE, () -> poller.stats().messagesDeleted() == 4);
    assertThat(metTogether).containsExactlyInAnyOrder("m1", "m2", "m3", "m4");
    assertThat(threads).hasSize(workers);
  }

  @Test
  void poller_shouldRedeliverWholeBatch_whenHandlerThrows() {
    // GIVEN two messages and a worker that throws on any first delivery
    sendBatch("x", "y");
    var worker = new RecordingWorker(delivery -> false);
    RequestHandler<SQSEvent, SQSBatchResponse> throwing = (event, context) -> {
      var response = worker.handleRequest(event, context);
      if (worker.deliveries.getLast().receiveCount() == 1) {
        throw new IllegalStateException("worker bug");
      }
      return response;
    };

    // WHEN
    poller = startPoller(throwing, ONE_WORKER);

    // THEN nothing was deleted after the throw: both came back for a second delivery
    MotoFixture.await("both to be deleted", DEADLINE, () -> poller.stats().messagesDeleted() == 2);
    assertThat(worker.of("x")).extracting(Delivery::receiveCount).containsExactly(1, 2);
    assertThat(worker.of("y")).extracting(Delivery::receiveCount).containsExactly(1, 2);
    assertThat(poller.stats()).satisfies(stats -> {
      assertThat(stats.messagesDelivered()).isEqualTo(4);
      assertThat(stats.messagesFailed()).isEqualTo(2);
      assertThat(stats.batchesFailed()).isEqualTo(1);
    });
  }

  @Test
  void close_shouldSettleBatchInFlight_whenClosedDuringDelivery() throws Exception {
    // GIVEN a worker that is busy with a message when close() is called
    var entered = new CountDownLatch(1);
    RequestHandler<SQSEvent, SQSBatchResponse> slow = (event, context) -> {
      entered.countDown();
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new SQSBatchResponse(List.of());
    };
    emulator.sqs.sendMessage(request -> request.queueUrl(resources.queueUrl("WorkQueue")).messageBody("late"));
    poller = startPoller(slow, ONE_WORKER);
    assertThat(entered.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    // WHEN
    poller.close();

    // THEN the batch was finished and deleted before close returned
    assertThat(poller.stats().messagesDeleted()).isEqualTo(1);
    assertThat(emulator.messagesIn(resources.queueUrl("WorkQueue"))).isZero();
    poller = null;
  }

  private SqsEventSourcePoller startPoller(RequestHandler<SQSEvent, SQSBatchResponse> handler, PollerSettings settings) {
    return SqsEventSourcePoller.start(emulator.sqs, resources.queueUrl("WorkQueue"), LocalResources.REGION,
        () -> handler, settings);
  }

  private void sendBatch(String... bodies) {
    var entries = IntStream.range(0, bodies.length)
        .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies[i]).build())
        .toList();
    var result = emulator.sqs.sendMessageBatch(request -> request.queueUrl(resources.queueUrl("WorkQueue")).entries(entries));
    assertThat(result.failed()).isEmpty();
  }
}
