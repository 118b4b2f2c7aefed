package dev.hndeepest.job;

import dev.hndeepest.depth.Post;
import dev.hndeepest.depth.PostMeasurer;
import dev.hndeepest.discovery.PostDiscovery;
import dev.hndeepest.hn.HnApi;
import java.util.List;

/**
 * Measures one work batch: its posts, listed in the message or found by scanning its id range (the
 * scan's items stay in the message's client, so their trees are mostly read already), folded into
 * the batch's partial maximum.
 */
final class BatchMeasurer {
  private BatchMeasurer() {}

  /** The batch's outcome for {@code job}, reading HN through {@code hn}. */
  static BatchOutcome measure(Job job, WorkMessage.Batch batch, HnApi hn) {
    var window = job.request().window();
    List<Post> posts = switch (batch) {
      case WorkMessage.MeasurePosts listed -> listed.posts();
      case WorkMessage.MeasureIdRange range -> new PostDiscovery(hn)
          .postsInIdRange(window, range.firstId(), range.endExclusive()).stream().map(Post::of).toList();
    };
    var best = new PostMeasurer(hn).deepest(posts, job.request().asOf());
    // Listed posts were counted by discovery; a scan counts the posts it finds.
    int found = batch instanceof WorkMessage.MeasureIdRange ? posts.size() : 0;
    return new BatchOutcome(batch.batch(), best, posts.size(), hn.stats().itemsFetched(), found);
  }
}
