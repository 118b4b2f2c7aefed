package dev.hndeepest.depth;

import dev.hndeepest.hn.HnItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PRODUCT.md §1 for one post, from items already fetched: depth, visible comments and the deepest
 * thread (the path's comments with their excerpts). Pure (no I/O), so the command and the worker Lambda run exactly the same computation.
 */
public final class ThreadDepthCalculator {
  private ThreadDepthCalculator() {}

  /**
   * Measures the comment tree under {@code post}.
   *
   * @param post the post whose {@code kids} start the tree
   * @param items the tree's items by id; an id absent from the map answered {@code null} and is
   *     left out with its replies
   * @param asOf epoch seconds; comments later than this are left out with their replies
   */
  public static ThreadDepth measure(Post post, Map<Long, HnItem> items, long asOf) {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(items, "items");
    // Parent of every id queued so far; also the visited set, so repeated ids and cycles in
    // malformed data are followed once (at the first, shallowest place they appear).
    var parentOf = new HashMap<Long, Long>();
    parentOf.put(post.id(), post.id());

    int comments = 0;
    int depth = 0;
    long deepestId = 0;
    // Breadth-first, one level at a time, with an explicit frontier: threads can be hundreds deep.
    List<Long> frontier = enqueueKids(post.id(), post.kids(), parentOf, new ArrayList<>());
    for (int level = 1; !frontier.isEmpty(); level++) {
      var next = new ArrayList<Long>();
      for (long id : frontier) {
        HnItem item = items.get(id);
        if (item == null || item.time() > asOf) {
          continue;
        }
        if (item.isVisible()) {
          comments++;
          // Levels only grow, so a deeper level always wins; on the same level the smaller id.
          if (level > depth || id < deepestId) {
            depth = level;
            deepestId = id;
          }
        }
        // Deleted and dead comments keep their place: their replies sit one level below them.
        enqueueKids(id, item.kidIds(), parentOf, next);
      }
      frontier = next;
    }
    if (depth == 0) {
      return ThreadDepth.NO_COMMENTS;
    }
    return new ThreadDepth(depth, comments, threadTo(deepestId, post.id(), parentOf, items));
  }

  private static List<Long> enqueueKids(
      long id, List<Long> kids, Map<Long, Long> parentOf, List<Long> queue) {
    for (long kid : kids) {
      if (parentOf.putIfAbsent(kid, id) == null) {
        queue.add(kid);
      }
    }
    return queue;
  }

  /** The chain from the top-level comment down to {@code deepestId}, each comment as the answer shows it. */
  private static List<ThreadComment> threadTo(
      long deepestId, long postId, Map<Long, Long> parentOf, Map<Long, HnItem> items) {
    var thread = new ArrayList<ThreadComment>();
    for (long id = deepestId; id != postId; id = parentOf.get(id)) {
      thread.add(ThreadComment.of(items.get(id)));
    }
    Collections.reverse(thread);
    return thread;
  }
}
