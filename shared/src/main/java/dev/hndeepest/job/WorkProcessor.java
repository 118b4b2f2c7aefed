package dev.hndeepest.job;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.concurrent.FanOut;
import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnUnavailableException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does the work behind the queue, one pipeline: a discovery message plans its job ({@link
 * JobPlanner}), moves it to RUNNING and sends the plan's batches; a batch message is measured
 * ({@link BatchMeasurer}) and its partial maximum recorded. Messages of one delivery run
 * concurrently; the ids of the ones that failed are returned so only they are delivered again. A
 * message of a job that is no longer RUNNING (cancelled, failed, done) is dropped without an HN read.
 */
public final class WorkProcessor {
  private static final Logger log = LoggerFactory.getLogger(WorkProcessor.class);
  /** Ids per id-range batch: about a second of reading at 20 ms and 64 in flight. */
  public static final int DEFAULT_IDS_PER_BATCH = 2_500;

  private final JobStore store;
  private final WorkQueue queue;
  private final Supplier<HnApi> hnApiPerDelivery;
  private final JobPlanner planner;
  private final int maxReceiveCount;
  private final ItemSource source;
  private final JobMetrics metrics;

  /**
   * @param hnApiPerDelivery a fresh client (and so a fresh item cache) per delivery, shared by its
   *     messages: its concurrency bounds one invocation's requests in flight, neighbouring id ranges
   *     of one delivery share the items they both read, and a long-lived worker's memory doesn't
   *     grow with every batch it has seen
   * @param source where {@code hnApiPerDelivery} reads, as answers name it
   * @param hnClock "now" for the HN data: whether a window ends now (a snapshot's end for a snapshot)
   * @param maxReceiveCount the queue's redrive limit: a failure on that delivery fails the job
   * @param idsPerBatch the most ids one {@link WorkMessage.MeasureIdRange} batch scans
   * @param batchesPerRound the messages the queue's workers take at once (most concurrent
   *     invocations times messages per delivery): id-range batches come in multiples of it
   * @param metrics what the worker counts: messages, batches, HN traffic, the jobs it ends
   */
  public WorkProcessor(JobStore store, WorkQueue queue, Supplier<HnApi> hnApiPerDelivery, ItemSource source,
      BatchPlanner packer, Clock hnClock, int maxReceiveCount, int idsPerBatch, int batchesPerRound,
      JobMetrics metrics) {
    this.store = store;
    this.queue = queue;
    this.hnApiPerDelivery = hnApiPerDelivery;
    this.source = source;
    this.planner = new JobPlanner(packer, hnClock, idsPerBatch, batchesPerRound);
    this.maxReceiveCount = maxReceiveCount;
    this.metrics = metrics;
  }

  /** With id-range batches of exactly {@code idsPerBatch} ids (the last one shorter). */
  public WorkProcessor(JobStore store, WorkQueue queue, Supplier<HnApi> hnApiPerDelivery, ItemSource source,
      BatchPlanner packer, Clock hnClock, int maxReceiveCount, int idsPerBatch, JobMetrics metrics) {
    this(store, queue, hnApiPerDelivery, source, packer, hnClock, maxReceiveCount, idsPerBatch, 1, metrics);
  }

  /** With {@link #DEFAULT_IDS_PER_BATCH} ids per id-range batch. */
  public WorkProcessor(JobStore store, WorkQueue queue, Supplier<HnApi> hnApiPerDelivery, ItemSource source,
      BatchPlanner packer, Clock hnClock, int maxReceiveCount, JobMetrics metrics) {
    this(store, queue, hnApiPerDelivery, source, packer, hnClock, maxReceiveCount, DEFAULT_IDS_PER_BATCH, metrics);
  }

  /** How one message went. */
  private enum Handled {
    DONE,
    FAILED,
    GAVE_UP_ON_HN
  }

  /** @return the message ids that failed and must be delivered again */
  public List<String> process(List<QueuedMessage> messages) {
    List<Handled> outcomes;
    try (var hn = hnApiPerDelivery.get()) {
      outcomes = FanOut.map(messages, queued -> processOne(queued, hn));
      var traffic = hn.stats();
      metrics.hnTraffic(traffic.requests(), traffic.retries(),
          outcomes.stream().filter(outcome -> outcome == Handled.GAVE_UP_ON_HN).count());
    }
    var failed = new ArrayList<String>();
    for (int i = 0; i < messages.size(); i++) {
      if (outcomes.get(i) == Handled.DONE) {
        metrics.messageProcessed();
      } else {
        failed.add(messages.get(i).messageId());
      }
    }
    return failed;
  }

  private Handled processOne(QueuedMessage queued, HnApi deliveryHn) {
    WorkMessage message;
    try {
      message = WorkMessageCodec.decode(queued.body());
    } catch (MalformedWorkMessageException e) {
      log.error("message {} is malformed and goes to the dead-letter queue: {}", queued.messageId(), e.getMessage());
      return Handled.FAILED;
    }
    try {
      handle(message, deliveryHn);
      return Handled.DONE;
    } catch (RuntimeException e) {
      onFailure(queued, message, e);
      return gaveUpOnHn(e) ? Handled.GAVE_UP_ON_HN : Handled.FAILED;
    }
  }

  private static boolean gaveUpOnHn(Throwable e) {
    for (var cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof HnUnavailableException) {
        return true;
      }
    }
    return false;
  }

  private void onFailure(QueuedMessage queued, WorkMessage message, RuntimeException e) {
    var jobId = message.jobId();
    log.warn("job {}: {} failed on delivery {} of {}: {}", jobId, describe(message), queued.receiveCount(),
        maxReceiveCount, e.toString());
    if (queued.receiveCount() >= maxReceiveCount) {
      var reason = describe(message) + " failed " + queued.receiveCount() + " times; last error: " + e.getMessage();
      if (fail(jobId, reason)) {
        log.error("job {} FAILED: {}", jobId, reason);
      }
    }
  }

  /** Ends the job FAILED unless it has ended already; counted where it ends. */
  private boolean fail(JobId id, String reason) {
    if (!store.fail(id, reason)) {
      return false;
    }
    // The store stamped the end (updatedAt) with the real time; hnClock may be a snapshot's.
    store.find(id).ifPresent(failed -> metrics.jobEnded(failed, failed.updatedAt()));
    return true;
  }

  private static String describe(WorkMessage message) {
    return switch (message) {
      case WorkMessage.DiscoverPosts discover -> "discovery";
      case WorkMessage.MeasurePosts measure -> "batch " + measure.batch();
      case WorkMessage.MeasureIdRange range -> "batch " + range.batch() + " (ids " + range.firstId() + ".."
          + (range.endExclusive() - 1) + ")";
    };
  }

  /** Handles one message, reading HN through its own view of {@code deliveryHn}. */
  void handle(WorkMessage message, HnApi deliveryHn) {
    var hn = new MessageReads(deliveryHn);
    switch (message) {
      case WorkMessage.DiscoverPosts discover -> discover(discover.jobId(), hn);
      case WorkMessage.Batch batch -> measure(batch, hn);
    }
  }

  private void discover(JobId id, MessageReads hn) {
    var job = store.find(id).orElse(null);
    if (job == null || job.status().isTerminal()) {
      log.info("job {}: discovery skipped, job is {}", id, job == null ? "gone" : job.status());
      return;
    }
    if (job.idRangePlan() != null) {
      resend(job);
      return;
    }
    var planned = planner.plan(job, hn);
    var plan = planned.plan();
    if (!store.markRunning(id, plan)) {
      onPlanConflict(id, plan);
      return;
    }
    plan.idRange().ifPresentOrElse(
        range -> log.info("job {}: ids {}..{} in {} batches ({} items read to find them)", id, range.firstId(),
            range.endExclusive() - 1, range.batches(), plan.discoveryItemsFetched()),
        () -> log.info("job {}: {} posts in {} batches ({} items read)", id, plan.postsTotal(), plan.batchesTotal(),
            plan.discoveryItemsFetched()));
    if (plan.batchesTotal() == 0) {
      if (store.complete(id, DeepestThreadResult.of(null, job.request().window(), 0, plan.discoveryItemsFetched(),
          source))) {
        store.find(id).ifPresent(empty -> metrics.jobEnded(empty, empty.updatedAt()));
      }
      return;
    }
    queue.sendAll(planned.messages());
  }

  /** Another delivery of the discovery got there first: resend its stored plan, or fail a job planned two ways. */
  private void onPlanConflict(JobId id, JobPlan plan) {
    var current = store.find(id).orElse(null);
    if (current == null || current.status() != JobStatus.RUNNING) {
      return;
    }
    if (plan.idRange().isEmpty()) {
      // A redelivered discovery saw other posts than the first one did: its batches can't be trusted.
      fail(id, "the window's posts changed while the job was being planned; submit it again");
    } else if (current.idRangePlan() != null) {
      resend(current);
    } else {
      // The first delivery fanned out posts from /newstories; this one would split ids: can't mix.
      fail(id, "a redelivered discovery found the window another way than the first one; submit it again");
    }
  }

  /** A redelivered discovery of a job already split by ids: the stored plan's batches again (duplicates count once). */
  private void resend(Job job) {
    if (job.status() == JobStatus.RUNNING) {
      log.info("job {}: discovery redelivered; sending its {} id-range batches again", job.id(),
          job.idRangePlan().batches());
      queue.sendAll(job.idRangePlan().messages(job.id()));
    }
  }

  private void measure(WorkMessage.Batch batch, MessageReads hn) {
    var id = batch.jobId();
    var job = store.find(id).orElse(null);
    if (job == null || job.status() != JobStatus.RUNNING) {
      log.info("job {}: batch {} skipped, job is {}", id, batch.batch(), job == null ? "gone" : job.status());
      return;
    }
    var outcome = BatchMeasurer.measure(job, batch, hn, source);
    // The write is conditional on the job still RUNNING: a batch of a job cancelled meanwhile writes nothing.
    var record = store.recordBatch(id, outcome);
    if (record == JobStore.BatchRecord.COUNTED) {
      metrics.batchMeasured();
    }
    log.info("job {}: {} {} ({} posts, {} items read)", id, describe(batch), record, outcome.postCount(),
        outcome.itemsFetched());
  }
}
