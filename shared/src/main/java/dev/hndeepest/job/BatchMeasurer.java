package dev.hndeepest.job;

import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.depth.Post;
import dev.hndeepest.depth.PostMeasurer;
import dev.hndeepest.discovery.PostDiscovery;
import java.util.List;

/**
 * Measures one work batch: its posts, listed in the message or found by scanning its id range (the
 * scan's items stay in the message's client, so their trees are mostly read already), folded into
 * the batch's partial maximum.
 */
final class BatchMeasurer {
  private BatchMeasurer() {}

  /** The batch's outcome for {@code job}, reading HN from {@code source} through {@code hn}. */
  static BatchOutcome measure(Job job, WorkMessage.Batch batch, MessageReads hn, ItemSource source) {
    var window = job.request().window();
    List<Post> posts = switch (batch) {
      case WorkMessage.MeasurePosts listed -> listed.posts();
      case WorkMessage.MeasureIdRange range -> new PostDiscovery(hn)
          .postsInIdRange(window, range.firstId(), range.endExclusive()).stream().map(Post::of).toList();
    };
    var best = new PostMeasurer(hn).deepest(posts, job.request().asOf());
    // Listed posts were counted by discovery; a scan counts the posts it finds.
    int found = batch instanceof WorkMessage.MeasureIdRange ? posts.size() : 0;
    var read = hn.readIds();
    long owned = switch (batch) {
      case WorkMessage.MeasurePosts listed -> read.size();
      case WorkMessage.MeasureIdRange range -> ItemCount.ofIdRangeBatch(read, range, job.idRangePlan());
    };
    return new BatchOutcome(batch.batch(), best, posts.size(), owned, found, source);
  }
}
