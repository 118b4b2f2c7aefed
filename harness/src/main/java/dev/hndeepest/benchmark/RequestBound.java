package dev.hndeepest.benchmark;

import dev.hndeepest.discovery.PostDiscovery;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.HnItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fewest HN requests that can answer one window, computed from the data set (not from a run),
 * and the time they take at a given latency and concurrency: the request-bound limit.
 *
 * <p>What must be read:
 * <ul>
 *   <li>the window's posts and their comment trees as of asOf: every id listed in {@code kids} from
 *       the posts down (a null one too: only reading it shows it is null), except the replies of a
 *       comment later than asOf;
 *   <li>the discovery's unavoidable probes. The API has no index by time, so every id from the
 *       window's first item to its last (any type) must be read: any of them could be a post. When
 *       the window ends now and {@code /newstories} reaches back past its start, that one list
 *       replaces the id range. Plus {@code /maxitem} or the list: one request.
 * </ul>
 * Left out: the search that finds the range's ends (about 15 round-trips), so the bound is
 * slightly optimistic.
 *
 * @param posts the window's posts
 * @param treeReads ids in the posts' trees that must be read (the posts themselves not included)
 * @param firstWindowId the smallest id of any item with {@code time} in the window (0 if none)
 * @param lastWindowId the largest such id (0 if none)
 * @param newStoriesCovers the list replaces the id range (the engine's rule,
 *     {@link PostDiscovery#listCovers}: its oldest few posts, judged together, are older than the
 *     window's start minus {@link PostDiscovery#SLACK_SECONDS})
 * @param mustRead requests: the union of the above
 */
record RequestBound(
    int posts, long treeReads, long firstWindowId, long lastWindowId, boolean newStoriesCovers, long mustRead) {

  /** How many posts {@code /newstories} lists, on HN and on the replica. */
  static final int NEW_STORIES_LENGTH = 500;

  static RequestBound of(BenchmarkDataSet data, TimeWindow window, boolean asOfIsNow) {
    long first = 0;
    long last = 0;
    var posts = new ArrayList<HnItem>();
    for (var item : data.items()) {
      if (window.contains(item.time())) {
        first = first == 0 ? item.id() : Math.min(first, item.id());
        last = Math.max(last, item.id());
        if (item.isPost() && item.isVisible()) {
          posts.add(item);
        }
      }
    }
    var trees = treeIds(data, posts, window.to());
    boolean covers = asOfIsNow && newStoriesCover(data, window);
    long reads;
    if (covers) {
      reads = 1 + posts.size() + trees.size();
    } else {
      long rangeIds = first == 0 ? 0 : last - first + 1;
      long finalFirst = first;
      long finalLast = last;
      long treesOutsideRange = trees.stream().filter(id -> id < finalFirst || id > finalLast).count();
      reads = 1 + rangeIds + treesOutsideRange;
    }
    return new RequestBound(posts.size(), trees.size(), first, last, covers, reads);
  }

  /** The time {@link #mustRead} requests take with {@code concurrency} in flight, each taking {@code latency}. */
  Duration limit(Duration latency, int concurrency) {
    return Duration.ofNanos((long) Math.ceil((double) mustRead / concurrency * latency.toNanos()));
  }

  private static Set<Long> treeIds(BenchmarkDataSet data, List<HnItem> posts, long asOf) {
    var reads = new HashSet<Long>();
    var frontier = new ArrayList<Long>();
    for (var post : posts) {
      frontier.addAll(post.kidIds());
    }
    while (!frontier.isEmpty()) {
      var next = new ArrayList<Long>();
      for (long id : frontier) {
        if (!reads.add(id)) {
          continue;
        }
        var item = data.byId().get(id);
        if (item != null && item.time() <= asOf) {
          next.addAll(item.kidIds());
        }
      }
      frontier = next;
    }
    return reads;
  }

  private static boolean newStoriesCover(BenchmarkDataSet data, TimeWindow window) {
    var listed = data.items().stream()
        .filter(item -> item.isPost() && item.isVisible() && item.time() <= window.to())
        .sorted(Comparator.comparingLong(HnItem::id).reversed())
        .limit(NEW_STORIES_LENGTH)
        .toList();
    return PostDiscovery.listCovers(listed, window);
  }
}
