package dev.hndeepest.discovery;

import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * Finds the posts of a window (PRODUCT.md §1): visible stories and polls with {@code time} in
 * {@code (from, to]}. Reads {@code /newstories} when that list provably covers the window, and
 * otherwise scans the window's id range, found by searching ids on time.
 */
public final class StoryDiscovery {
  /**
   * Neighbouring ids can be out of time order by a few seconds (HN's servers' clocks differ), so
   * the id range is searched this much wider on both sides; the exact time filter drops the extra.
   */
  public static final long SLACK_SECONDS = 600;
  /** A window ending this close to now is "as of now", the only case {@code /newstories} shows. */
  public static final long NOW_TOLERANCE_SECONDS = 60;
  /** Ids fetched per scan step: bounds memory to one chunk of items at a time. */
  static final int SCAN_CHUNK = 2_000;

  private final HnApi api;
  private final IdTimeSearch search;

  public StoryDiscovery(HnApi api) {
    this.api = Objects.requireNonNull(api, "api");
    this.search = new IdTimeSearch(api);
  }

  /**
   * The smallest id whose item could have {@code time > time}: every item below it is at least
   * {@link #SLACK_SECONDS} older, assuming clock jitter stays below that. {@code maxId + 1} when no
   * item is that late.
   */
  public long firstIdAfter(long time, long maxId) {
    requireMaxId(maxId);
    return search.firstIdAfter(time - SLACK_SECONDS, 0, maxId + 1).firstId();
  }

  /** The window's posts, ascending by id. */
  public List<HnItem> postsIn(StoryWindow window, Instant now) {
    return discover(window, now).posts();
  }

  /** The window's posts, ascending by id, with the route taken and its cost. */
  public DiscoveredPosts discover(StoryWindow window, Instant now) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(now, "now");
    boolean asOfIsNow = Math.abs(now.getEpochSecond() - window.to()) <= NOW_TOLERANCE_SECONDS;
    long listedFetched = 0;
    if (asOfIsNow) {
      var listed = api.items(api.newStories());
      if (coversWindow(listed, window)) {
        var posts = postsIn(listed.values(), window);
        return new DiscoveredPosts(
            posts,
            new DiscoveryReport(DiscoveryReport.Route.NEW_STORIES, 0, 0, listed.size(), 0, 0, posts.size()));
      }
      // Too short a list: scan instead. The listed stories stay in the client's cache, so the
      // scan reads them again for free.
      listedFetched = listed.size();
    }
    return scan(window, asOfIsNow, listedFetched);
  }

  /**
   * {@code /newstories} holds the newest stories by id, so when its oldest one is older than the
   * window (with jitter slack), every story of the window is in it.
   */
  private static boolean coversWindow(Map<Long, Optional<HnItem>> listed, StoryWindow window) {
    return listed.values().stream()
        .flatMap(Optional::stream)
        .min(Comparator.comparingLong(HnItem::id))
        .filter(oldest -> oldest.time() <= window.from() - SLACK_SECONDS)
        .isPresent();
  }

  private DiscoveredPosts scan(StoryWindow window, boolean asOfIsNow, long listedFetched) {
    long maxId = requireMaxId(api.maxItem());
    var first = search.firstIdAfter(window.from() - SLACK_SECONDS, 0, maxId + 1);
    int rounds = first.rounds();
    long probes = first.probes();
    // As of now the range runs to the newest item; for an older asOf, to the first id that is
    // surely later than the window (the latest it can be: ending early would drop posts).
    long endExclusive = maxId + 1;
    if (!asOfIsNow && first.firstId() <= maxId) {
      var end = search.firstIdAfter(window.to() + SLACK_SECONDS, first.firstId() - 1, maxId + 1);
      endExclusive = end.noLaterThan();
      rounds += end.rounds();
      probes += end.probes();
    }
    // The scan reads every item of the range, comments included; the real client caches them, so
    // crawling the posts' trees afterwards costs no second request for items inside the range.
    var posts = new ArrayList<HnItem>();
    for (long start = first.firstId(); start < endExclusive; start += SCAN_CHUNK) {
      long chunkEnd = Math.min(endExclusive, start + SCAN_CHUNK);
      var ids = LongStream.range(start, chunkEnd).boxed().toList();
      posts.addAll(postsIn(api.items(ids).values(), window));
    }
    long scanned = Math.max(0, endExclusive - first.firstId());
    var report = new DiscoveryReport(
        DiscoveryReport.Route.ID_SCAN, rounds, probes, listedFetched + scanned,
        scanned == 0 ? 0 : first.firstId(), scanned == 0 ? 0 : endExclusive - 1, posts.size());
    return new DiscoveredPosts(posts, report);
  }

  private static List<HnItem> postsIn(Collection<Optional<HnItem>> answers, StoryWindow window) {
    return answers.stream()
        .flatMap(Optional::stream)
        .filter(item -> item.isPost() && item.isVisible() && window.contains(item.time()))
        .sorted(Comparator.comparingLong(HnItem::id))
        .toList();
  }

  private static long requireMaxId(long maxId) {
    if (maxId < 0) {
      throw new IllegalArgumentException("max item id must not be negative, got " + maxId);
    }
    return maxId;
  }
}
