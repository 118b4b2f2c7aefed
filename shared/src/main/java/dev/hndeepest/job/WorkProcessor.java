package dev.hndeepest.job;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.concurrent.FanOut;
import dev.hndeepest.depth.MeasuredPost;
import dev.hndeepest.depth.ThreadCrawler;
import dev.hndeepest.discovery.StoryDiscovery;
import dev.hndeepest.discovery.WindowLocation;
import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does the work behind the queue. Discovery locates the window: when {@code /newstories} lists its
 * posts, it fans them out as batches of posts; otherwise it splits the window's id range into
 * batches that each scan their ids and measure the posts they find, so the scan runs on every
 * worker at once and each tree is read by the client that already holds most of it. Every batch
 * records its partial maximum. Messages of one delivery run concurrently; the ids of the ones that
 * failed are returned so only they are delivered again.
 */
public final class WorkProcessor {
  private static final Logger log = LoggerFactory.getLogger(WorkProcessor.class);
  /** Ids per id-range batch: about a second of reading at 20 ms and 64 in flight. */
  public static final int DEFAULT_IDS_PER_BATCH = 2_500;

  private final JobStore store;
  private final WorkQueue queue;
  private final Supplier<HnApi> hnApiPerDelivery;
  private final BatchPlanner planner;
  private final Clock clock;
  private final int maxReceiveCount;
  private final int idsPerBatch;

  /**
   * @param hnApiPerDelivery a fresh client (and so a fresh item cache) per delivery, shared by its
   *     messages: its concurrency bounds one invocation's requests in flight, neighbouring id ranges
   *     of one delivery share the items they both read, and a long-lived worker's memory doesn't
   *     grow with every batch it has seen
   * @param maxReceiveCount the queue's redrive limit: a failure on that delivery fails the job
   * @param idsPerBatch ids each {@link WorkMessage.MeasureIdRange} batch scans
   */
  public WorkProcessor(JobStore store, WorkQueue queue, Supplier<HnApi> hnApiPerDelivery,
      BatchPlanner planner, Clock clock, int maxReceiveCount, int idsPerBatch) {
    if (idsPerBatch < 1) {
      throw new IllegalArgumentException("idsPerBatch must be positive, was " + idsPerBatch);
    }
    this.store = store;
    this.queue = queue;
    this.hnApiPerDelivery = hnApiPerDelivery;
    this.planner = planner;
    this.clock = clock;
    this.maxReceiveCount = maxReceiveCount;
    this.idsPerBatch = idsPerBatch;
  }

  /** With {@link #DEFAULT_IDS_PER_BATCH} ids per id-range batch. */
  public WorkProcessor(JobStore store, WorkQueue queue, Supplier<HnApi> hnApiPerDelivery,
      BatchPlanner planner, Clock clock, int maxReceiveCount) {
    this(store, queue, hnApiPerDelivery, planner, clock, maxReceiveCount, DEFAULT_IDS_PER_BATCH);
  }

  /** @return the message ids that failed and must be delivered again */
  public List<String> process(List<QueuedMessage> messages) {
    List<Boolean> succeeded;
    try (var hn = hnApiPerDelivery.get()) {
      succeeded = FanOut.map(messages, queued -> processOne(queued, hn));
    }
    var failed = new ArrayList<String>();
    for (int i = 0; i < messages.size(); i++) {
      if (!succeeded.get(i)) {
        failed.add(messages.get(i).messageId());
      }
    }
    return failed;
  }

  private boolean processOne(QueuedMessage queued, HnApi deliveryHn) {
    WorkMessage message;
    try {
      message = WorkMessageCodec.decode(queued.body());
    } catch (MalformedWorkMessageException e) {
      log.error("message {} is malformed and goes to the dead-letter queue: {}", queued.messageId(), e.getMessage());
      return false;
    }
    try {
      handle(message, new MessageReads(deliveryHn));
      return true;
    } catch (RuntimeException e) {
      onFailure(queued, message, e);
      return false;
    }
  }

  private void onFailure(QueuedMessage queued, WorkMessage message, RuntimeException e) {
    var jobId = new JobId(message.jobId());
    log.warn("job {}: {} failed on delivery {} of {}: {}", jobId, describe(message), queued.receiveCount(),
        maxReceiveCount, e.toString());
    if (queued.receiveCount() >= maxReceiveCount) {
      var reason = describe(message) + " failed " + queued.receiveCount() + " times; last error: " + e.getMessage();
      if (store.fail(jobId, reason)) {
        log.error("job {} FAILED: {}", jobId, reason);
      }
    }
  }

  private static String describe(WorkMessage message) {
    return switch (message) {
      case WorkMessage.DiscoverStories discover -> "discovery";
      case WorkMessage.MeasureStories measure -> "batch " + measure.batch();
      case WorkMessage.MeasureIdRange range -> "batch " + range.batch() + " (ids " + range.firstId() + ".."
          + (range.endExclusive() - 1) + ")";
    };
  }

  void handle(WorkMessage message, HnApi hn) {
    switch (message) {
      case WorkMessage.DiscoverStories discover -> discover(new JobId(discover.jobId()), hn);
      case WorkMessage.MeasureStories measure -> measure(new JobId(measure.jobId()), measure, hn);
      case WorkMessage.MeasureIdRange range -> measureIdRange(new JobId(range.jobId()), range, hn);
    }
  }

  private void discover(JobId id, HnApi hn) {
    var job = store.find(id).orElse(null);
    if (job == null || job.status().isTerminal()) {
      log.info("job {}: discovery skipped, job is {}", id, job == null ? "gone" : job.status());
      return;
    }
    if (job.idRangePlan() != null) {
      resend(job);
      return;
    }
    var window = job.request().window();
    var location = new StoryDiscovery(hn).locate(window, clock.instant());
    long itemsFetched = hn.stats().itemsFetched();
    switch (location) {
      case WindowLocation.Listed listed -> fanOutPosts(job, listed.discovered().posts(), itemsFetched);
      case WindowLocation.IdRange range ->
          fanOutIdRange(job, new IdRangePlan(range.firstId(), range.endExclusive(), idsPerBatch), itemsFetched);
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

  private void fanOutIdRange(Job job, IdRangePlan plan, long itemsFetched) {
    var id = job.id();
    if (!store.markScanning(id, plan, itemsFetched)) {
      var current = store.find(id).orElse(null);
      if (current != null && current.idRangePlan() != null) {
        resend(current);
      } else if (current != null && current.status() == JobStatus.RUNNING) {
        // The first delivery fanned out posts from /newstories; this one would split ids: can't mix.
        store.fail(id, "a redelivered discovery found the window another way than the first one; submit it again");
      }
      return;
    }
    log.info("job {}: ids {}..{} in {} batches ({} items read to find them)", id, plan.firstId(),
        plan.endExclusive() - 1, plan.batches(), itemsFetched);
    if (plan.batches() == 0) {
      store.complete(id, DeepestThreadResult.of(null, job.request().window(), 0, itemsFetched,
          DeepestThreadResult.FIREBASE));
      return;
    }
    queue.sendAll(plan.messages(id));
  }

  private void fanOutPosts(Job job, List<HnItem> posts, long itemsFetched) {
    var id = job.id();
    var window = job.request().window();
    var batches = planner.plan(posts);
    if (!store.markRunning(id, posts.size(), batches.size(), itemsFetched)) {
      var current = store.find(id).orElse(null);
      if (current != null && current.status() == JobStatus.RUNNING) {
        // A redelivered discovery saw other posts than the first one did: its batches can't be trusted.
        store.fail(id, "the window's posts changed while the job was being planned; submit it again");
      }
      return;
    }
    log.info("job {}: {} posts in {} batches ({} items read)", id, posts.size(), batches.size(), itemsFetched);
    if (batches.isEmpty()) {
      store.complete(id, DeepestThreadResult.of(null, window, 0, itemsFetched, DeepestThreadResult.FIREBASE));
      return;
    }
    var messages = new ArrayList<WorkMessage.MeasureStories>();
    for (int i = 0; i < batches.size(); i++) {
      messages.add(new WorkMessage.MeasureStories(id.value(), i, batches.get(i)));
    }
    queue.sendAll(messages);
  }

  private void measure(JobId id, WorkMessage.MeasureStories batch, HnApi hn) {
    var job = store.find(id).orElse(null);
    if (job == null || job.status() != JobStatus.RUNNING) {
      log.info("job {}: batch {} skipped, job is {}", id, batch.batch(), job == null ? "gone" : job.status());
      return;
    }
    long asOf = job.request().asOf();
    var best = new MeasuredPost[1];
    var crawler = new ThreadCrawler(hn);
    crawler.measureAll(batch.stories().stream().map(StoryRef::asItem).toList(), asOf,
        measured -> best[0] = MeasuredPost.better(best[0], measured));
    long itemsFetched = hn.stats().itemsFetched();
    var outcome = new BatchOutcome(batch.batch(), best[0], batch.stories().size(), itemsFetched);
    var record = store.recordBatch(id, outcome);
    log.info("job {}: batch {} {} ({} posts, {} items read)", id, batch.batch(), record,
        batch.stories().size(), outcome.itemsFetched());
  }

  private void measureIdRange(JobId id, WorkMessage.MeasureIdRange range, HnApi hn) {
    var job = store.find(id).orElse(null);
    if (job == null || job.status() != JobStatus.RUNNING) {
      log.info("job {}: batch {} skipped, job is {}", id, range.batch(), job == null ? "gone" : job.status());
      return;
    }
    var window = job.request().window();
    long asOf = job.request().asOf();
    var best = new MeasuredPost[1];
    var found = new StoryDiscovery(hn).postsInIdRange(window, range.firstId(), range.endExclusive());
    var crawler = new ThreadCrawler(hn);
    crawler.measureAll(found, asOf, measured -> best[0] = MeasuredPost.better(best[0], measured));
    int posts = found.size();
    long itemsFetched = hn.stats().itemsFetched();
    var outcome = new BatchOutcome(range.batch(), best[0], posts, itemsFetched, posts);
    var record = store.recordBatch(id, outcome);
    log.info("job {}: batch {} {} (ids {}..{}: {} posts, {} items read)", id, range.batch(), record,
        range.firstId(), range.endExclusive() - 1, posts, itemsFetched);
  }
}
