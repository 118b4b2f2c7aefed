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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
  /** Listed posts read per round-trip, newest first, until one is older than the window. */
  static final int LISTED_CHUNK = 64;
  /** How long the reader waits for the search to tell it more ids inside the window. */
  static final long READER_WAIT_NANOS = 2_000_000;

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
   * the start of the window, it already reads the ids below the newest one it knows to be in the
   * window (the newest item when the window ends now, else what the end's search has found so far),
   * so the search's round-trips overlap the scan's reads.
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
      if (!readTopWhileSearching) {
        var first = search.firstIdAfter(window.from() - SLACK_SECONDS, 0, maxId + 1);
        return new WindowLocation.IdRange(first.firstId(), maxId + 1, first.rounds(), first.probes(), listedFetched);
      }
      var first = searchWhileReading(window.from() - SLACK_SECONDS, maxId, new AtomicLong(maxId));
      return new WindowLocation.IdRange(first.firstId(), maxId + 1, first.rounds(), first.probes(), listedFetched);
    }
    // Both ends at once: their round-trips overlap, and the client shares the probes they have in common.
    IdTimeSearch.Result first;
    IdTimeSearch.Result end;
    if (readTopWhileSearching) {
      var endKnownBefore = new AtomicLong();
      var ends = new IdTimeSearch.Result[1];
      Runnable searchEnd = () -> ends[0] = search.firstIdAfter(window.to() + SLACK_SECONDS, 0, maxId + 1, endKnownBefore);
      first = searchWhileReading(window.from() - SLACK_SECONDS, maxId, endKnownBefore, searchEnd);
      end = ends[0];
    } else {
      var both = FanOut.map(List.of(window.from() - SLACK_SECONDS, window.to() + SLACK_SECONDS),
          target -> search.firstIdAfter(target, 0, maxId + 1));
      first = both.get(0);
      end = both.get(1);
    }
    return new WindowLocation.IdRange(first.firstId(), Math.max(first.firstId(), end.noLaterThan()),
        first.rounds() + end.rounds(), first.probes() + end.probes(), listedFetched);
  }

  /**
   * Searches for the first id after {@code target} (and runs {@code alsoSearching}, the end's search,
   * beside it) while other threads read ids downward from {@code top}, ids surely at or before the
   * window's end, never below the lowest id the search has found after the target: every id they
   * read is one the scan that follows needs, and the client keeps it, so the scan reads it for free.
   */
  private IdTimeSearch.Result searchWhileReading(long target, long maxId, AtomicLong top, Runnable... alsoSearching) {
    var knownAfter = new AtomicLong(maxId + 1);
    var searching = new AtomicInteger(1 + alsoSearching.length);
    var result = new IdTimeSearch.Result[1];
    var tasks = new ArrayList<Runnable>();
    tasks.add(() -> {
      try {
        result[0] = search.firstIdAfter(target, 0, maxId + 1, new AtomicLong(), knownAfter);
      } finally {
        searching.decrementAndGet();
      }
    });
    for (var other : alsoSearching) {
      tasks.add(() -> {
        try {
          other.run();
        } finally {
          searching.decrementAndGet();
        }
      });
    }
    tasks.add(() -> readDownward(top, knownAfter, searching));
    FanOut.all(tasks.toArray(Runnable[]::new));
    return result[0];
  }

  /**
   * Reads ids from {@code top} down to {@code lowest} (both may move) while any search runs, on as
   * many threads as the client has requests in flight, each taking the next id in turn: no chunk
   * waits for its slowest request.
   */
  private void readDownward(AtomicLong top, AtomicLong lowest, AtomicInteger searching) {
    var next = new AtomicLong(-1);
    FanOut.onThreads(Math.max(1, api.maxInFlight()), () -> {
      while (searching.get() > 0) {
        long id = claimBelow(next, top, lowest);
        if (id < 0) {
          // Nothing known inside the window yet, or read down to what the search knows: wait for it.
          LockSupport.parkNanos(READER_WAIT_NANOS);
        } else {
          api.item(id);
        }
      }
    });
  }

  /** The next id to read downward, or -1 when none is known to be inside the window yet. */
  private static long claimBelow(AtomicLong next, AtomicLong top, AtomicLong lowest) {
    while (true) {
      long current = next.get();
      long candidate = current < 0 ? top.get() : current;
      if (candidate < lowest.get() || candidate <= 0) {
        return -1;
      }
      if (next.compareAndSet(current, candidate - 1)) {
        return candidate;
      }
    }
  }

  /**
   * The window's posts among the ids {@code [firstId, endExclusive)}, ascending by id. Reads every
   * id, comments included: the real client caches them, so crawling the posts' trees afterwards
   * costs no second request for items inside the range. As many threads as the client has requests
   * in flight each take the next id in turn, so no slot waits for a slow request of another.
   */
  public List<HnItem> postsInIdRange(TimeWindow window, long firstId, long endExclusive) {
    Objects.requireNonNull(window, "window");
    if (firstId < 0 || endExclusive < firstId) {
      throw new IllegalArgumentException("bad id range [" + firstId + ", " + endExclusive + ")");
    }
    var found = new ConcurrentLinkedQueue<HnItem>();
    var next = new AtomicLong(firstId);
    long lanes = Math.max(1, Math.min(api.maxInFlight(), endExclusive - firstId));
    FanOut.onThreads(Math.toIntExact(lanes), () -> {
      for (long id = next.getAndIncrement(); id < endExclusive; id = next.getAndIncrement()) {
        api.item(id).filter(item -> isWindowPost(item, window)).ifPresent(found::add);
      }
    });
    return found.stream().sorted(Comparator.comparingLong(HnItem::id)).toList();
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
        .filter(item -> isWindowPost(item, window))
        .sorted(Comparator.comparingLong(HnItem::id))
        .toList();
  }

  private static boolean isWindowPost(HnItem item, TimeWindow window) {
    return item.isPost() && item.isVisible() && window.contains(item.time());
  }

  private static long requireMaxId(long maxId) {
    if (maxId < 0) {
      throw new IllegalArgumentException("max item id must not be negative, got " + maxId);
    }
    return maxId;
  }
}
