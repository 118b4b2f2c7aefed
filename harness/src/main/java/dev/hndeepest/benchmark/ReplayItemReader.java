package dev.hndeepest.benchmark;

import dev.hndeepest.hn.HnItem;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data set in memory behind the {@link SerialItemReader} port, counting every read: replays
 * the original approach without latency, to know its exact requests and its answer for a window
 * it would take too long to run for real.
 */
final class ReplayItemReader implements SerialItemReader {
  private final Map<Long, HnItem> items;
  private final long maxId;
  private final Set<Long> distinctIds = new HashSet<>();
  private long requests;

  ReplayItemReader(Map<Long, HnItem> items, long maxId) {
    this.items = items;
    this.maxId = maxId;
  }

  @Override
  public Optional<HnItem> item(long id) {
    requests++;
    distinctIds.add(id);
    return Optional.ofNullable(items.get(id));
  }

  @Override
  public long maxItem() {
    requests++;
    return maxId;
  }

  long requests() {
    return requests;
  }

  long distinctItems() {
    return distinctIds.size();
  }
}
