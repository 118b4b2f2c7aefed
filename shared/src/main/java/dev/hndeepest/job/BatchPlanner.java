package dev.hndeepest.job;

import dev.hndeepest.depth.Post;
import dev.hndeepest.hn.HnItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Packs a window's posts into work batches of similar expected cost, biggest threads first, so one
 * huge thread gets a batch of its own instead of sitting behind many small ones.
 */
public final class BatchPlanner {
  /** Expected items per batch: about a second of fetching at 20 ms and concurrency 64. */
  public static final int DEFAULT_ITEMS_PER_BATCH = 2_000;
  /** Bounds message size and the work lost when one batch is retried. */
  public static final int DEFAULT_MAX_POSTS_PER_BATCH = 50;

  private final int itemsPerBatch;
  private final int maxPostsPerBatch;

  public BatchPlanner(int itemsPerBatch, int maxPostsPerBatch) {
    this.itemsPerBatch = itemsPerBatch;
    this.maxPostsPerBatch = maxPostsPerBatch;
  }

  public BatchPlanner() {
    this(DEFAULT_ITEMS_PER_BATCH, DEFAULT_MAX_POSTS_PER_BATCH);
  }

  /** Deterministic for the same posts: a redelivered discovery plans the same batches. */
  public List<List<Post>> plan(List<HnItem> posts) {
    var biggestFirst = posts.stream()
        .sorted(Comparator.comparingLong(BatchPlanner::expectedItems).reversed().thenComparingLong(HnItem::id))
        .toList();
    var batches = new ArrayList<List<Post>>();
    var current = new ArrayList<Post>();
    long currentItems = 0;
    for (HnItem post : biggestFirst) {
      long expected = expectedItems(post);
      if (!current.isEmpty() && (currentItems + expected > itemsPerBatch || current.size() == maxPostsPerBatch)) {
        batches.add(List.copyOf(current));
        current.clear();
        currentItems = 0;
      }
      current.add(Post.of(post));
      currentItems += expected;
    }
    if (!current.isEmpty()) {
      batches.add(List.copyOf(current));
    }
    return batches;
  }

  /** The post plus its comment count as HN reports it: a hint only, so never below its kids. */
  static long expectedItems(HnItem post) {
    long descendants = post.descendants() == null ? 0 : Math.max(0, post.descendants());
    return 1 + Math.max(descendants, post.kidIds().size());
  }
}
