package dev.hndeepest.discovery;

import dev.hndeepest.concurrent.FanOut;
import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * Finds the posts of a window (PRODUCT.md §1): visible stories and polls with {@code time} in
 * {@code (from, to]}. Reads {@code /newstories} when that list provably covers the window, and
 * otherwise scans the window's id range, found by searching ids on time.
 */
public final class PostDiscovery {
  /**
   * Neighbouring ids can be out of time order by a few seconds (HN's servers' clocks differ), so
   * the id range is searched this much wider on both sides; the exact time filter drops the extra.
   */
  public static final long SLACK_SECONDS = 600;
  /** A window ending this close to now is "as of now", the only case {@code /newstories} shows. */
  public static final long NOW_TOLERANCE_SECONDS = 60;
  /** Ids fetched per scan step: bounds the virtual threads and answers held at a time. */
  static final int SCAN_CHUNK = 2_000;
  /** Scan chunks fetched at once. */
  static final int CHUNKS_IN_FLIGHT = 2;
  /** Listed posts read per round-trip, newest first, until one is older than the window. */
  static final int LISTED_CHUNK = 64;
  /** Ids read per step from the top while the search runs: a few round-trips, so it stops soon after. */
  static final int TOP_CHUNK = 256;

  private final HnApi api;
  private final IdTimeSearch search;

  public PostDiscovery(HnApi api) {
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

  /**
   * The window's posts, ascending by id, with the route taken and its cost. While it searches for
   * the start of a window that ends now, it already reads the ids below the newest one (surely in
   * the window), so the search's round-trips overlap the scan's reads.
   */
  public DiscoveredPosts discover(TimeWindow window, Instant now) {
    return switch (locate(window, now, true)) {
      case WindowLocation.Listed listed -> listed.discovered();
      case WindowLocation.IdRange range -> {
        var posts = postsInIdRange(window, range.firstId(), range.endExclusive());
        long scanned = range.ids();
        var report = new DiscoveryReport(
            DiscoveryReport.Route.ID_SCAN, range.searchRounds(), range.searchProbes(),
            range.listedFetched() + scanned, scanned == 0 ? 0 : range.firstId(),
            scanned == 0 ? 0 : range.endExclusive() - 1, posts.size());
        yield new DiscoveredPosts(posts, report);
      }
    };
  }

  /**
   * Where the window's posts are: read from {@code /newstories} when the window ends now and the
   * list provably covers it, else the id range to scan, found by searching ids on time (the range
   * runs to the newest item when the window ends now, else to the first id surely after it; the
   * two ends are searched at once).
   */
  public WindowLocation locate(TimeWindow window, Instant now) {
    return locate(window, now, false);
  }

  private WindowLocation locate(TimeWindow window, Instant now, boolean readTopWhileSearching) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(now, "now");
    boolean asOfIsNow = Math.abs(now.getEpochSecond() - window.to()) <= NOW_TOLERANCE_SECONDS;
    long listedFetched = 0;
    if (asOfIsNow) {
      var listed = readNewStories(window);
      if (coversWindow(listed, window)) {
        var posts = postsIn(listed.values(), window);
        return new WindowLocation.Listed(new DiscoveredPosts(
            posts,
            new DiscoveryReport(DiscoveryReport.Route.NEW_STORIES, 0, 0, listed.size(), 0, 0, posts.size())));
      }
      // Too short a list: scan instead. What was read of it stays in the client's cache, so the
      // scan reads it again for free.
      listedFetched = listed.size();
    }
    long maxId = requireMaxId(api.maxItem());
    if (asOfIsNow) {
      var first = readTopWhileSearching
          ? searchWhileReadingTop(window.from() - SLACK_SECONDS, maxId)
          : search.firstIdAfter(window.from() - SLACK_SECONDS, 0, maxId + 1);
      return new WindowLocation.IdRange(first.firstId(), maxId + 1, first.rounds(), first.probes(), listedFetched);
    }
    // Both ends at once: their round-trips overlap, and the client shares the probes they have in common.
    var ends = FanOut.map(List.of(window.from() - SLACK_SECONDS, window.to() + SLACK_SECONDS),
        target -> search.firstIdAfter(target, 0, maxId + 1));
    var first = ends.get(0);
    var end = ends.get(1);
    return new WindowLocation.IdRange(first.firstId(), Math.max(first.firstId(), end.noLaterThan()),
        first.rounds() + end.rounds(), first.probes() + end.probes(), listedFetched);
  }

  /**
   * Searches for the first id after {@code target} while another thread reads ids downward from
   * {@code maxId}, one chunk at a time, never below the highest id the search has found at or
   * before the target: the client keeps them, so the scan that follows reads them for free.
   */
  private IdTimeSearch.Result searchWhileReadingTop(long target, long maxId) {
    var knownBefore = new AtomicLong();
    var searching = new AtomicBoolean(true);
    var result = new IdTimeSearch.Result[1];
    Runnable searchForFirst = () -> {
      try {
        result[0] = search.firstIdAfter(target, 0, maxId + 1, knownBefore);
      } finally {
        searching.set(false);
      }
    };
    Runnable readFromTop = () -> {
      for (long end = maxId + 1; searching.get(); end -= TOP_CHUNK) {
        long start = Math.max(end - TOP_CHUNK, knownBefore.get() + 1);
        if (start >= end) {
          return;
        }
        api.items(LongStream.range(start, end).boxed().toList());
      }
    };
    FanOut.all(searchForFirst, readFromTop);
    return result[0];
  }

  /**
   * The window's posts among the ids {@code [firstId, endExclusive)}, ascending by id. Reads every
   * id, comments included: the real client caches them, so crawling the posts' trees afterwards
   * costs no second request for items inside the range. Two chunks are in flight at a time, so the
   * next chunk's requests fill the slots the current one's last requests leave idle.
   */
  public List<HnItem> postsInIdRange(TimeWindow window, long firstId, long endExclusive) {
    Objects.requireNonNull(window, "window");
    if (firstId < 0 || endExclusive < firstId) {
      throw new IllegalArgumentException("bad id range [" + firstId + ", " + endExclusive + ")");
    }
    var chunkStarts = new ArrayList<Long>();
    for (long start = firstId; start < endExclusive; start += SCAN_CHUNK) {
      chunkStarts.add(start);
    }
    var posts = new ArrayList<HnItem>();
    FanOut.inOrder(chunkStarts, CHUNKS_IN_FLIGHT, start -> {
      var ids = LongStream.range(start, Math.min(endExclusive, start + SCAN_CHUNK)).boxed().toList();
      return postsIn(api.items(ids).values(), window);
    }, posts::addAll);
    return posts;
  }

  /**
   * The listed posts that can matter. The oldest few are read first: when, judged together, they
   * are younger than the window's start (minus the slack), the list cannot cover the window, shown
   * with one round-trip instead of hundreds. Otherwise the rest are read newest first,
   * {@value #LISTED_CHUNK} at a time, down to the first chunk whose oldest few posts, judged
   * together, are older than the window's start minus the slack: every post listed below them is
   * older than the window. Judged together ({@link NeighbourTime}), so one post with a far-off
   * time neither stops the reading early nor proves the list covers the window.
   */
  private Map<Long, Optional<HnItem>> readNewStories(TimeWindow window) {
    var ids = api.newStories();
    if (ids.isEmpty()) {
      return Map.of();
    }
    long before = window.from() - SLACK_SECONDS;
    var oldestFirst = ids.stream().distinct().sorted().toList();
    var oldest = oldestFirst.subList(0, Math.min(NeighbourTime.JUDGES, oldestFirst.size()));
    var listed = new LinkedHashMap<Long, Optional<HnItem>>(api.items(oldest));
    if (!judgedAtOrBefore(oldest, listed, before)) {
      return listed;
    }
    var newestFirst = oldestFirst.subList(oldest.size(), oldestFirst.size()).reversed();
    for (int start = 0; start < newestFirst.size(); start += LISTED_CHUNK) {
      var chunk = newestFirst.subList(start, Math.min(newestFirst.size(), start + LISTED_CHUNK));
      listed.putAll(api.items(chunk));
      var chunkOldest = chunk.subList(Math.max(0, chunk.size() - NeighbourTime.JUDGES), chunk.size());
      if (judgedAtOrBefore(chunkOldest, listed, before)) {
        break;
      }
    }
    return listed;
  }

  private static boolean coversWindow(Map<Long, Optional<HnItem>> listed, TimeWindow window) {
    return listCovers(listed.values().stream().flatMap(Optional::stream).toList(), window);
  }

  /**
   * Whether posts listed by {@code /newstories}, which holds the newest stories by id, are sure
   * to hold every post of the window: their oldest few by id, judged together, are older than the
   * window's start minus the jitter slack.
   */
  public static boolean listCovers(Collection<HnItem> listed, TimeWindow window) {
    var oldest = new TreeMap<Long, Long>();
    listed.stream().sorted(Comparator.comparingLong(HnItem::id)).limit(NeighbourTime.JUDGES)
        .forEach(item -> oldest.put(item.id(), item.time()));
    return !oldest.isEmpty() && NeighbourTime.of(oldest).time() <= window.from() - SLACK_SECONDS;
  }

  /** Whether the median time of these listed ids' answers is at or before {@code time}; false when none answered. */
  private static boolean judgedAtOrBefore(List<Long> ids, Map<Long, Optional<HnItem>> answers, long time) {
    var times = new TreeMap<Long, Long>();
    for (long id : ids) {
      answers.getOrDefault(id, Optional.empty()).ifPresent(item -> times.put(id, item.time()));
    }
    return !times.isEmpty() && NeighbourTime.of(times).time() <= time;
  }

  private static List<HnItem> postsIn(Collection<Optional<HnItem>> answers, TimeWindow window) {
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
