package dev.hndeepest.hn;

import dev.hndeepest.concurrent.FanOut;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port to a source of Hacker News items. Calls block; callers fan out on virtual threads and
 * the implementation bounds how many requests are in flight.
 */
public interface HnApi extends AutoCloseable {

  /** The item, or empty when the API answers {@code null} for that id. */
  Optional<HnItem> item(long id);

  /** The largest item id in existence now. */
  long maxItem();

  /** The ids of the newest stories, newest first (up to 500 on the real API). */
  List<Long> newStories();

  /** The most requests this source keeps in flight at once: how many fetching threads are worth running. */
  default int maxInFlight() {
    return HnClientConfig.DEFAULT_MAX_CONCURRENCY;
  }

  /** Counters since this instance was built. */
  HnClientStats stats();

  /** Releases connections; the default holds none. */
  @Override
  default void close() {}

  /**
   * Fetches the given ids concurrently, one virtual thread each. The map keeps the order of the
   * ids and holds an empty optional for ids that answer {@code null}.
   */
  default Map<Long, Optional<HnItem>> items(Collection<Long> ids) {
    var distinct = List.copyOf(new LinkedHashSet<>(ids));
    var answers = FanOut.map(distinct, this::item);
    var results = new LinkedHashMap<Long, Optional<HnItem>>();
    for (int i = 0; i < distinct.size(); i++) {
      results.put(distinct.get(i), answers.get(i));
    }
    return results;
  }
}
