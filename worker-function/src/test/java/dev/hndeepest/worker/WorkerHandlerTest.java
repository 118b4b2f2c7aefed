package dev.hndeepest.worker;

import static dev.hndeepest.hn.TreeBuilder.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.hn.FakeHnApi;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.job.BatchPlanner;
import dev.hndeepest.job.IdRangePlan;
import dev.hndeepest.job.InMemoryJobStore;
import dev.hndeepest.job.Job;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobPlan;
import dev.hndeepest.job.JobStatus;
import dev.hndeepest.job.RecordingWorkQueue;
import dev.hndeepest.job.WorkMessage;
import dev.hndeepest.job.WorkProcessor;
import dev.hndeepest.request.WindowRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker handler on the events/ files, with in-memory store and queue and a fake HN API. */
class WorkerHandlerTest {
  private static final JobId EVENT_JOB = new JobId("3f1c2b9e-8d4a-4f6b-9c2d-1a2b3c4d5e6f");
  private static final Instant AS_OF = Instant.parse("2025-06-10T12:00:00Z");
  private static final long POST_TIME = 1749550000L;

  private final InMemoryJobStore store = new InMemoryJobStore();
  private final RecordingWorkQueue queue = new RecordingWorkQueue();
  // The post of events/worker-measure.json, with a two-level thread, after one older comment per id
  // (a second apart), so discovery can search the ids by time as on the real API.
  private static final Map<Long, HnItem> THREAD = tree().post(44000010, POST_TIME)
      .comment(44000011, 44000010, POST_TIME + 60).comment(44000012, 44000011, POST_TIME + 90).itemsById();
  private final FakeHnApi hn = FakeHnApi.builder()
      .computed(44000012, id -> id < 44000010 ? olderComment(id) : THREAD.get(id))
      .build();
  private final WorkerHandler handler = new WorkerHandler(new WorkProcessor(store, queue, () -> hn, ItemSource.CUSTOM,
      new BatchPlanner(), Clock.fixed(AS_OF.plusSeconds(3_600), ZoneOffset.UTC), 3));

  private static HnItem olderComment(long id) {
    return new HnItem(id, "comment", "other", POST_TIME - (44000010 - id), null, null, 1L, null, null, null, null,
        null, null, null, null);
  }

  private void givenJob() {
    store.create(Job.submitted(EVENT_JOB, new WindowRequest(24, AS_OF.getEpochSecond(), true), AS_OF), Optional.empty());
  }

  @Test
  void handleRequest_shouldPlanAndFanOut_whenDiscoveryEvent() {
    givenJob();

    SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent("../events/worker-discover.json"), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    var job = store.find(EVENT_JOB).orElseThrow();
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.postsTotal()).as("id-range batches count the posts they find").isZero();
    assertThat(job.batchesTotal()).isEqualTo(queue.sent().size()).isGreaterThan(1);
    assertThat(queue.sent()).allMatch(m -> m instanceof WorkMessage.MeasureIdRange)
        .last().isInstanceOfSatisfying(WorkMessage.MeasureIdRange.class, last -> {
          assertThat(last.firstId()).isLessThanOrEqualTo(44000010L);
          assertThat(last.endExclusive()).isEqualTo(44000013L);
        });
  }

  @Test
  void handleRequest_shouldCountFoundPostOnce_whenIdRangeEventDeliveredTwice() {
    givenJob();
    store.markRunning(EVENT_JOB, JobPlan.ofIdRange(new IdRangePlan(44000008, 44000013, 5, List.of()), 3));
    var event = EventLoader.loadSQSEvent("../events/worker-measure-ids.json");

    var first = handler.handleRequest(event, null);
    var second = handler.handleRequest(event, null);

    assertThat(first.getBatchItemFailures()).isEmpty();
    assertThat(second.getBatchItemFailures()).isEmpty();
    var job = store.find(EVENT_JOB).orElseThrow();
    assertThat(job.batchesDone()).isEqualTo(1);
    assertThat(job.postsTotal()).isEqualTo(1);
    assertThat(job.postsDone()).isEqualTo(1);
    assertThat(store.partials(EVENT_JOB)).singleElement().satisfies(partial -> {
      assertThat(partial.best().post().id()).isEqualTo(44000010L);
      assertThat(partial.best().thread().deepestPath()).containsExactly(44000011L, 44000012L);
    });
  }

  @Test
  void handleRequest_shouldRecordPartialMaximumOnce_whenMeasureEventDeliveredTwice() {
    givenJob();
    store.markRunning(EVENT_JOB, JobPlan.ofPosts(1, 1, 3));
    var event = EventLoader.loadSQSEvent("../events/worker-measure.json");

    var first = handler.handleRequest(event, null);
    var second = handler.handleRequest(event, null);

    assertThat(first.getBatchItemFailures()).isEmpty();
    assertThat(second.getBatchItemFailures()).isEmpty();
    var job = store.find(EVENT_JOB).orElseThrow();
    assertThat(job.batchesDone()).isEqualTo(1);
    assertThat(job.postsDone()).isEqualTo(1);
    assertThat(store.partials(EVENT_JOB)).singleElement().satisfies(partial -> {
      assertThat(partial.best().post().id()).isEqualTo(44000010L);
      assertThat(partial.best().thread().depth()).isEqualTo(2);
      assertThat(partial.best().thread().deepestPath()).containsExactly(44000011L, 44000012L);
    });
  }

  @Test
  void handleRequest_shouldReportBatchItemFailure_whenBodyIsMalformed() {
    var event = EventLoader.loadSQSEvent("../events/worker-malformed-body.json");

    var response = handler.handleRequest(event, null);

    assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly(event.getRecords().getFirst().getMessageId());
    assertThat(store.writes()).isZero();
    assertThat(queue.sent()).isEmpty();
  }
}
