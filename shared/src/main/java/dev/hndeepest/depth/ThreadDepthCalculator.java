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
 * In two steps when many posts compete: the {@link Shape} ranks a post, and only a post that could
 * win has its thread built, since excerpts cost a parse of each comment's HTML.
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
    return shape(post, items, asOf).thread();
  }

  /**
   * A measured tree before its thread is built: depth, visible comments, the deepest comment and
   * the way back up from it.
   */
  public static final class Shape {
    private final Post post;
    private final int depth;
    private final int comments;
    private final long deepestId;
    private final Map<Long, Long> parentOf;
    private final Map<Long, HnItem> items;

    private Shape(Post post, int depth, int comments, long deepestId, Map<Long, Long> parentOf,
        Map<Long, HnItem> items) {
      this.post = post;
      this.depth = depth;
      this.comments = comments;
      this.deepestId = deepestId;
      this.parentOf = parentOf;
      this.items = items;
    }

    public Rank rank() {
      return new Rank(depth, comments, post.id());
    }

    /** The measured thread, its comments' excerpts made now. */
    public ThreadDepth thread() {
      if (depth == 0) {
        return ThreadDepth.NO_COMMENTS;
      }
      return new ThreadDepth(depth, comments, threadTo(deepestId, post.id(), parentOf, items));
    }
  }

  /** The tree under {@code post} measured as {@link #measure} does, its thread not built yet. */
  public static Shape shape(Post post, Map<Long, HnItem> items, long asOf) {
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
    return new Shape(post, depth, comments, deepestId, parentOf, items);
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
