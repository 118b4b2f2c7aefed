package dev.hndeepest.job;

import dev.hndeepest.discovery.PostDiscovery;
import dev.hndeepest.discovery.WindowLocation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a job: locates its window and turns it into batches. When {@code /newstories} lists the
 * window's posts, they go out packed by expected thread size ({@link BatchPlanner}); otherwise the
 * window's id range goes out in slices that each scan their ids and measure the posts they find, as
 * many as fill whole rounds of the workers' deliveries ({@link IdRangePlan#sized}).
 */
final class JobPlanner {
  private final BatchPlanner packer;
  private final Clock clock;
  private final int idsPerBatch;
  private final int batchesPerRound;

  JobPlanner(BatchPlanner packer, Clock clock, int idsPerBatch, int batchesPerRound) {
    if (idsPerBatch < 1 || batchesPerRound < 1) {
      throw new IllegalArgumentException(
          "idsPerBatch and batchesPerRound must be positive, were " + idsPerBatch + ", " + batchesPerRound);
    }
    this.packer = packer;
    this.clock = clock;
    this.idsPerBatch = idsPerBatch;
    this.batchesPerRound = batchesPerRound;
  }

  /** A job's plan and the batch messages that carry it out. */
  record Planned(JobPlan plan, List<WorkMessage.Batch> messages) {
    Planned {
      messages = List.copyOf(messages);
    }
  }

  /** Reads HN through {@code hn} to find the job's window; sends and stores nothing. */
  Planned plan(Job job, MessageReads hn) {
    var location = new PostDiscovery(hn).locate(job.request().window(), clock.instant());
    var read = hn.readIds();
    return switch (location) {
      case WindowLocation.Listed listed -> {
        var posts = listed.discovered().posts();
        var batches = packer.plan(posts);
        var messages = new ArrayList<WorkMessage.Batch>();
        for (int i = 0; i < batches.size(); i++) {
          messages.add(new WorkMessage.MeasurePosts(job.id(), i, batches.get(i)));
        }
        yield new Planned(JobPlan.ofPosts(posts.size(), batches.size(), ItemCount.ofDiscovery(read, null)), messages);
      }
      case WindowLocation.IdRange range -> {
        var above = read.stream().filter(id -> id >= range.endExclusive()).sorted().toList();
        var plan = IdRangePlan.sized(range.firstId(), range.endExclusive(), idsPerBatch, batchesPerRound, above);
        yield new Planned(JobPlan.ofIdRange(plan, ItemCount.ofDiscovery(read, plan)),
            List.copyOf(plan.messages(job.id())));
      }
    };
  }
}
