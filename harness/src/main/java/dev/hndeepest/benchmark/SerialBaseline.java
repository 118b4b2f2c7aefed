package dev.hndeepest.benchmark;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.depth.MeasuredPost;
import dev.hndeepest.depth.Post;
import dev.hndeepest.depth.ThreadComment;
import dev.hndeepest.depth.ThreadDepth;
import dev.hndeepest.discovery.PostDiscovery;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.HnItem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The original approach, re-implemented faithfully as the benchmark's baseline: everything serial,
 * one request at a time, nothing cached.
 *
 * <ol>
 *   <li>Discovery: {@code /maxitem}, then an exponential search down from it (ids max-1, max-2,
 *       max-4, …) and a binary search for the first id whose {@code time} is after the window's
 *       start minus {@link PostDiscovery#SLACK_SECONDS} (the same clock-jitter slack the engine
 *       allows); then a scan upward, id by id, to the last item (or the first one later than the
 *       window's end plus the slack), keeping the visible stories and polls of the window.
 *   <li>Each post, one after the other: a recursive descent through {@code kids}, fetching every
 *       comment again (the scan's copies are not kept), leaving out nulls and comments later than
 *       asOf with their replies.
 * </ol>
 *
 * <p>A probe that answers {@code null} is resolved by trying the next id up, at most
 * {@value #NULL_RUN} in a row; a longer run of nulls is taken as ids where no item exists yet
 * (below the first item), i.e. before the window.
 */
final class SerialBaseline {
  static final int NULL_RUN = 64;

  private final SerialItemReader reader;
  private final long deadlineNanos;

  /** @param deadlineNanos {@link System#nanoTime()} after which it gives up; {@link Long#MAX_VALUE}: never */
  SerialBaseline(SerialItemReader reader, long deadlineNanos) {
    this.reader = reader;
    this.deadlineNanos = deadlineNanos;
  }

  /** Thrown when the deadline passes before the answer is known. */
  static final class CutOffException extends RuntimeException {
    CutOffException() {
      super("the serial baseline passed its deadline", null, false, false);
    }
  }

  /** The window's deepest thread as of the window's end; {@code itemsFetched} counts requests. */
  DeepestThreadResult find(TimeWindow window) {
    long maxId = reader.maxItem();
    long requests = 1;
    var counting = new CountingReads();
    long firstId = firstIdAfter(window.from() - PostDiscovery.SLACK_SECONDS, maxId, counting);
    var posts = new ArrayList<HnItem>();
    for (long id = firstId; id <= maxId; id++) {
      var item = counting.read(id);
      if (item.isEmpty()) {
        continue;
      }
      if (item.get().time() > window.to() + PostDiscovery.SLACK_SECONDS) {
        break;
      }
      if (item.get().isPost() && item.get().isVisible() && window.contains(item.get().time())) {
        posts.add(item.get());
      }
    }
    MeasuredPost winner = null;
    for (var post : posts) {
      winner = MeasuredPost.better(winner, new MeasuredPost(Post.of(post).withoutKids(), measure(post, window.to(), counting)));
    }
    return DeepestThreadResult.of(winner, window, posts.size(), requests + counting.reads, ItemSource.CUSTOM);
  }

  /** Reads one item, after checking the deadline; counts the reads. */
  private final class CountingReads {
    long reads;

    Optional<HnItem> read(long id) {
      if (System.nanoTime() > deadlineNanos) {
        throw new CutOffException();
      }
      reads++;
      return reader.item(id);
    }

    /** The first non-null item at or above {@code id} and below {@code limit}, trying at most {@link #NULL_RUN} ids. */
    Optional<HnItem> firstPresentFrom(long id, long limit) {
      for (long probe = id; probe < limit && probe < id + NULL_RUN; probe++) {
        var item = read(probe);
        if (item.isPresent()) {
          return item;
        }
      }
      return Optional.empty();
    }
  }

  /** The smallest id whose item is later than {@code target}; {@code maxId + 1} when none is. */
  private long firstIdAfter(long target, long maxId, CountingReads reads) {
    long hi = maxId + 1; // known: every item from hi on is later than the target (or hi is past the end)
    long lo = 0; // known: the item at lo (if any) is at or before the target
    for (long step = 1; hi - step > 0; step *= 2) {
      long probe = hi - step;
      var item = reads.firstPresentFrom(probe, hi);
      if (item.isEmpty()) {
        lo = probe; // a long run of nulls: no items there yet, so before the window
        break;
      }
      if (item.get().time() > target) {
        hi = item.get().id();
      } else {
        lo = item.get().id();
        break;
      }
    }
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      var item = reads.firstPresentFrom(mid, hi);
      if (item.isEmpty()) {
        lo = Math.min(hi - 1, mid + NULL_RUN - 1);
      } else if (item.get().time() > target) {
        hi = item.get().id();
      } else {
        lo = item.get().id();
      }
    }
    return hi;
  }

  /** Depth-first through kids, one request per comment; the deepest visible comment wins, the smaller id on a tie. */
  private ThreadDepth measure(HnItem post, long asOf, CountingReads reads) {
    var deepest = new Deepest();
    descend(post.kidIds(), 1, new ArrayDeque<>(), new HashSet<>(List.of(post.id())), asOf, reads, deepest);
    // The original approach kept only ids: its chain has no authors or text (the benchmark compares paths).
    return deepest.depth == 0 ? ThreadDepth.NO_COMMENTS : new ThreadDepth(deepest.depth, deepest.comments,
        deepest.path.stream().map(id -> new ThreadComment(id, null, 0, null, false, false)).toList());
  }

  private static final class Deepest {
    int depth;
    int comments;
    long id;
    List<Long> path = List.of();
  }

  private static void descend(List<Long> kids, int level, Deque<Long> path, Set<Long> seen, long asOf,
      CountingReads reads, Deepest deepest) {
    for (long kid : kids) {
      // Malformed data could list an id twice or in a cycle; well-formed HN data never does.
      if (!seen.add(kid)) {
        continue;
      }
      var item = reads.read(kid);
      if (item.isEmpty() || item.get().time() > asOf) {
        continue;
      }
      path.addLast(kid);
      if (item.get().isVisible()) {
        deepest.comments++;
        if (level > deepest.depth || (level == deepest.depth && kid < deepest.id)) {
          deepest.depth = level;
          deepest.id = kid;
          deepest.path = List.copyOf(path);
        }
      }
      descend(item.get().kidIds(), level + 1, path, seen, asOf, reads, deepest);
      path.removeLast();
    }
  }
}
