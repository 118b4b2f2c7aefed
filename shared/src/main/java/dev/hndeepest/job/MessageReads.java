package dev.hndeepest.job;

import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnClientStats;
import dev.hndeepest.hn.HnItem;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One work message's view of the HN client its delivery shares: reads go to that client (and its
 * cache), and the view counts the distinct items this message read, for the batch's
 * {@code itemsFetched}. Closing the view leaves the shared client open.
 */
final class MessageReads implements HnApi {
  private final HnApi shared;
  private final Set<Long> itemIds = ConcurrentHashMap.newKeySet();
  private final LongAdder reads = new LongAdder();

  MessageReads(HnApi shared) {
    this.shared = shared;
  }

  @Override
  public Optional<HnItem> item(long id) {
    reads.increment();
    itemIds.add(id);
    return shared.item(id);
  }

  /** Through to the shared client's batch fetch, which bounds its requests without a thread per id. */
  @Override
  public Map<Long, Optional<HnItem>> items(Collection<Long> ids) {
    var distinct = new LinkedHashSet<>(ids);
    reads.add(distinct.size());
    itemIds.addAll(distinct);
    return shared.items(distinct);
  }

  @Override
  public int maxInFlight() {
    return shared.maxInFlight();
  }

  @Override
  public long maxItem() {
    reads.increment();
    return shared.maxItem();
  }

  @Override
  public List<Long> newStories() {
    reads.increment();
    return shared.newStories();
  }

  /** The distinct items this message read, for its share of the job's count ({@link ItemCount}). */
  Set<Long> readIds() {
    return Set.copyOf(itemIds);
  }

  /** Reads through this view, none of them retries; {@code itemsFetched}: distinct items it read. */
  @Override
  public HnClientStats stats() {
    return new HnClientStats(reads.sum(), 0, itemIds.size());
  }
}
