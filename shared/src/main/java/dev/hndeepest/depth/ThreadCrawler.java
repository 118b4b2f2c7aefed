package dev.hndeepest.depth;

import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fetches a post's comment tree breadth-first, one level per round-trip (each level's kids
 * concurrently), then hands the items to {@link ThreadDepthCalculator}.
 */
public final class ThreadCrawler {
  private final HnApi api;

  public ThreadCrawler(HnApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /** The post's measured thread as of {@code asOf} (epoch seconds). */
  public ThreadDepth crawl(Post post, long asOf) {
    Objects.requireNonNull(post, "post");
    var fetched = new HashMap<Long, HnItem>();
    // Every id asked for once at most, even if malformed data lists it twice or in a cycle.
    var requested = new HashSet<Long>();
    requested.add(post.id());
    List<Long> level = newIds(post.kids(), requested, new ArrayList<>());
    while (!level.isEmpty()) {
      var next = new ArrayList<Long>();
      for (var answer : api.items(level).entrySet()) {
        answer.getValue().ifPresent(item -> {
          fetched.put(answer.getKey(), item);
          // Replies of a comment that is left out (later than asOf) are left out too: don't fetch.
          if (item.time() <= asOf) {
            newIds(item.kidIds(), requested, next);
          }
        });
      }
      level = next;
    }
    return ThreadDepthCalculator.measure(post, fetched, asOf);
  }

  /** The post with its measured thread, ready to compete for the win. */
  public MeasuredPost measure(Post post, long asOf) {
    return new MeasuredPost(post.withoutKids(), crawl(post, asOf));
  }

  private static List<Long> newIds(List<Long> ids, Set<Long> requested, List<Long> into) {
    for (long id : ids) {
      if (requested.add(id)) {
        into.add(id);
      }
    }
    return into;
  }
}
