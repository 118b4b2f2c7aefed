package dev.hndeepest.hn;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    if (ids.isEmpty()) {
      return Map.of();
    }
    if (ids.size() == 1) {
      long only = ids.iterator().next();
      return Map.of(only, item(only));
    }
    var futures = new LinkedHashMap<Long, Future<Optional<HnItem>>>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long id : ids) {
        futures.computeIfAbsent(id, key -> executor.submit(() -> item(key)));
      }
      var results = new LinkedHashMap<Long, Optional<HnItem>>();
      for (var entry : futures.entrySet()) {
        results.put(entry.getKey(), join(entry.getValue()));
      }
      return results;
    }
  }

  private static Optional<HnItem> join(Future<Optional<HnItem>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HnUnavailableException("interrupted while fetching items", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new HnUnavailableException("fetching items failed", e.getCause());
    }
  }
}
