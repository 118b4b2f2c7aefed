package dev.hndeepest.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.answer.DeepestThreadFinder;
import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.answer.ProgressListener;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.FakeHnApi;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.hn.RandomHnItems;
import dev.hndeepest.request.WindowRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The whole job flow in memory: discovery, fan-out (id-range batches, or batches of posts when
 * /newstories lists them), batches (redelivered, reordered), aggregation.
 */
class WorkProcessorTest {
  private static final long START = 1_700_000_000;
  private static final List<HnItem> ITEMS = RandomHnItems.generate(7, 6_000, START);
  private static final long AS_OF = START + 4 * 3_600;
  private static final Clock LATER = Clock.fixed(Instant.ofEpochSecond(AS_OF + 86_400), ZoneOffset.UTC);
  /** "Now" is asOf, so discovery may take /newstories when it covers the window. */
  private static final Clock AT_AS_OF = Clock.fixed(Instant.ofEpochSecond(AS_OF), ZoneOffset.UTC);
  /** The data as the live API showed it at asOf: /newstories then covers a 3-hour window. */
  private static final List<HnItem> ITEMS_UNTIL_AS_OF = ITEMS.stream().filter(item -> item.time() <= AS_OF).toList();
  private static final int MAX_RECEIVES = 3;
  private static final int IDS_PER_BATCH = 400;

  private final InMemoryJobStore store = new InMemoryJobStore();
  private final RecordingWorkQueue queue = new RecordingWorkQueue();

  private WorkProcessor processor(FakeHnApi api) {
    return processor(api, LATER);
  }

  private WorkProcessor processor(FakeHnApi api, Clock clock) {
    return new WorkProcessor(store, queue, () -> api, ItemSource.CUSTOM, new BatchPlanner(200, 10), clock, MAX_RECEIVES, IDS_PER_BATCH);
  }

  private JobId submit(int hours) {
    var job = Job.submitted(JobId.random(), new WindowRequest(hours, AS_OF, true), LATER.instant());
    store.create(job, Optional.empty());
    return job.id();
  }

  private static QueuedMessage delivery(WorkMessage message, int receiveCount) {
    return new QueuedMessage("m-" + message.hashCode() + "-" + receiveCount, WorkMessageCodec.encode(message),
        receiveCount);
  }

  @Test
  void process_shouldAnswerLikeTheCommand_whenIdRangeBatchesAreRedeliveredAndReordered() {
    // GIVEN a job whose window ended long ago, and the in-process finder's answer for it
    var id = submit(3);
    var expected = new DeepestThreadFinder(FakeHnApi.of(ITEMS), ItemSource.CUSTOM, LATER)
        .find(TimeWindow.endingAt(AS_OF, 3), ProgressListener.NONE);

    // WHEN discovery runs, then every batch is delivered twice, in shuffled order
    var batches = runRedeliveredAndReordered(processor(FakeHnApi.of(ITEMS)), id);
    var job = new JobFinisher(store, LATER, Duration.ofHours(1)).status(id);

    // THEN the id range was split into batches, each counted once, and the answer is the command's
    assertThat(batches).hasSizeGreaterThan(1).allMatch(m -> m instanceof WorkMessage.MeasureIdRange);
    assertThat(store.find(id).orElseThrow().idRangePlan().batches()).isEqualTo(batches.size());
    assertSameAnswer(job, batches.size(), expected);
  }

  @Test
  void process_shouldAnswerLikeTheCommand_whenListedPostBatchesAreRedeliveredAndReordered() {
    // GIVEN a job as of now, when /newstories reaches back past the window's start
    var api = FakeHnApi.of(ITEMS_UNTIL_AS_OF);
    var id = submit(3);
    var expected = new DeepestThreadFinder(FakeHnApi.of(ITEMS_UNTIL_AS_OF), ItemSource.CUSTOM, AT_AS_OF)
        .find(TimeWindow.endingAt(AS_OF, 3), ProgressListener.NONE);

    // WHEN
    var batches = runRedeliveredAndReordered(processor(api, AT_AS_OF), id);
    var job = new JobFinisher(store, LATER, Duration.ofHours(1)).status(id);

    // THEN the listed posts went out in batches of posts, and the answer is the command's
    assertThat(api.newStoriesCalls()).isEqualTo(1);
    assertThat(batches).hasSizeGreaterThan(1).allMatch(m -> m instanceof WorkMessage.MeasurePosts);
    assertThat(store.find(id).orElseThrow().idRangePlan()).isNull();
    assertSameAnswer(job, batches.size(), expected);
  }

  /** Discovery once, then every batch it sent twice, shuffled, three per delivery; the batches sent. */
  private List<WorkMessage> runRedeliveredAndReordered(WorkProcessor processor, JobId id) {
    assertThat(processor.process(List.of(delivery(new WorkMessage.DiscoverPosts(id), 1)))).isEmpty();
    var batches = new ArrayList<>(queue.drain());
    var deliveries = new ArrayList<QueuedMessage>();
    for (var batch : batches) {
      deliveries.add(delivery(batch, 1));
      deliveries.add(delivery(batch, 2));
    }
    Collections.shuffle(deliveries, new Random(3));
    for (int i = 0; i < deliveries.size(); i += 3) {
      assertThat(processor.process(deliveries.subList(i, Math.min(i + 3, deliveries.size())))).isEmpty();
    }
    return batches;
  }

  private static void assertSameAnswer(Job job, int batches, DeepestThreadResult expected) {
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job.batchesDone()).isEqualTo(batches);
    assertThat(job.postsDone()).isEqualTo(job.postsTotal()).isEqualTo((int) expected.postsConsidered());
    assertThat(job.result().postsConsidered()).isEqualTo(expected.postsConsidered());
    assertThat(job.result().postId()).isNotNull().isEqualTo(expected.postId());
    assertThat(job.result().depth()).isEqualTo(expected.depth());
    assertThat(job.result().comments()).isEqualTo(expected.comments());
    assertThat(job.result().deepestPath()).isEqualTo(expected.deepestPath());
    assertThat(job.result().deepestThread()).hasSize(expected.depth()).isEqualTo(expected.deepestThread());
    assertThat(job.result().window()).isEqualTo(expected.window());
    assertThat(job.result().source()).isEqualTo(ItemSource.CUSTOM);
    // Batches read some items twice (a crawl into the next slice, redeliveries); each is counted once.
    assertThat(job.result().itemsFetched()).as("distinct items read, as the command counts them")
        .isEqualTo(expected.itemsFetched());
  }

  @Test
  void process_shouldSendTheStoredPlanAgain_whenDiscoveryIsRedeliveredAfterPlanning() {
    // GIVEN a job that discovery already split by ids
    var api = FakeHnApi.of(ITEMS);
    var id = submit(3);
    var discovery = new WorkMessage.DiscoverPosts(id);
    processor(api).process(List.of(delivery(discovery, 1)));
    var first = queue.drain();
    var planned = store.find(id).orElseThrow();
    api.resetCounts();

    // WHEN the discovery message comes again, as after a lost acknowledgement
    var failed = processor(api).process(List.of(delivery(discovery, 2)));

    // THEN the same batches go out again without searching again, and the job is unchanged
    assertThat(failed).isEmpty();
    assertThat(queue.drain()).isEqualTo(first);
    assertThat(api.itemRequests()).isZero();
    assertThat(store.find(id).orElseThrow()).isEqualTo(planned);
  }

  @Test
  void process_shouldFinishAtOnce_whenWindowHasNoPost() {
    // GIVEN a window long before the data starts
    var empty = Job.submitted(JobId.random(), new WindowRequest(1, START - 86_400, true), LATER.instant());
    store.create(empty, Optional.empty());

    // WHEN
    var failed = processor(FakeHnApi.of(ITEMS)).process(
        List.of(delivery(new WorkMessage.DiscoverPosts(empty.id()), 1)));

    // THEN
    var job = store.find(empty.id()).orElseThrow();
    assertThat(failed).isEmpty();
    assertThat(queue.sent()).isEmpty();
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job.result().postId()).isNull();
    assertThat(job.result().window()).isEqualTo(TimeWindow.endingAt(START - 86_400, 1));
  }

  @Test
  void process_shouldFailTheJobWithReason_whenABatchFailsOnItsLastDelivery() {
    // GIVEN a job planned into batches, and an HN API that now fails on every id of the first batch
    var id = submit(3);
    processor(FakeHnApi.of(ITEMS)).process(List.of(delivery(new WorkMessage.DiscoverPosts(id), 1)));
    var batch = (WorkMessage.MeasureIdRange) queue.drain().getFirst();
    long[] ids = LongStream.range(batch.firstId(), batch.endExclusive()).toArray();
    var failing = processor(FakeHnApi.builder().items(ITEMS).failOn(ids).build());

    // WHEN it is delivered up to the redrive limit
    var early = failing.process(List.of(delivery(batch, 1)));
    var statusAfterEarly = store.find(id).orElseThrow().status();
    var last = failing.process(List.of(delivery(batch, MAX_RECEIVES)));

    // THEN it is reported failed each time, and the job ends FAILED with a reason only at the limit
    assertThat(early).hasSize(1);
    assertThat(statusAfterEarly).isEqualTo(JobStatus.RUNNING);
    assertThat(last).hasSize(1);
    var job = store.find(id).orElseThrow();
    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(job.error()).contains("batch " + batch.batch()).contains("failed " + MAX_RECEIVES + " times");
    assertThat(job.batchesDone()).isZero();
  }

  @Test
  void process_shouldReportOnlyTheMalformedMessage_whenBatchMixesGoodAndBad() {
    // GIVEN a good discovery and a body that is no work message
    var id = submit(1);
    var good = delivery(new WorkMessage.DiscoverPosts(id), 1);
    var bad = new QueuedMessage("bad-1", "{\"kind\":\"unknown\"}", 1);

    // WHEN
    var failed = processor(FakeHnApi.of(ITEMS)).process(List.of(good, bad));

    // THEN
    assertThat(failed).containsExactly("bad-1");
    assertThat(store.find(id).orElseThrow().status()).isIn(JobStatus.RUNNING, JobStatus.SUCCEEDED);
  }

  @Test
  void process_shouldSkipBatch_whenJobAlreadyFailed() {
    // GIVEN a failed job with a batch still on the queue
    var id = submit(3);
    processor(FakeHnApi.of(ITEMS)).process(List.of(delivery(new WorkMessage.DiscoverPosts(id), 1)));
    var batch = queue.drain().getFirst();
    store.fail(id, "given up");
    var api = FakeHnApi.of(ITEMS);

    // WHEN
    var failed = processor(api).process(List.of(delivery(batch, 1)));

    // THEN nothing is fetched or counted
    assertThat(failed).isEmpty();
    assertThat(api.itemRequests()).isZero();
    assertThat(store.find(id).orElseThrow().batchesDone()).isZero();
  }
}
