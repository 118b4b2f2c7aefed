package dev.hndeepest.hn;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * In-memory {@link HnApi} for tests. Answers from a list of items or a function of the id, counts
 * every request per id and caches nothing, so a test can see any item asked for twice.
 */
public final class FakeHnApi implements HnApi {
  /** The real API lists at most this many ids in {@code /newstories}. */
  public static final int NEW_STORIES_LIMIT = 500;

  private final LongFunction<HnItem> source;
  private final long maxItem;
  private final List<Long> newStories;
  private final Set<Long> failing;
  private final Map<Long, AtomicInteger> requestsById = new ConcurrentHashMap<>();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong maxItemCalls = new AtomicLong();
  private final AtomicLong newStoriesCalls = new AtomicLong();

  private FakeHnApi(LongFunction<HnItem> source, long maxItem, List<Long> newStories, Set<Long> failing) {
    this.source = source;
    this.maxItem = maxItem;
    this.newStories = List.copyOf(newStories);
    this.failing = Set.copyOf(failing);
  }

  /** Serves exactly these items; every other id answers null. */
  public static FakeHnApi of(Collection<HnItem> items) {
    return builder().items(items).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<HnItem> item(long id) {
    requestsById.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
    if (failing.contains(id)) {
      throw new HnUnavailableException("injected failure for item " + id);
    }
    return Optional.ofNullable(source.apply(id));
  }

  /** Counts the call as one round-trip, then fetches as the port does. */
  @Override
  public Map<Long, Optional<HnItem>> items(Collection<Long> ids) {
    batches.incrementAndGet();
    return HnApi.super.items(ids);
  }

  @Override
  public long maxItem() {
    maxItemCalls.incrementAndGet();
    return maxItem;
  }

  @Override
  public List<Long> newStories() {
    newStoriesCalls.incrementAndGet();
    return newStories;
  }

  @Override
  public HnClientStats stats() {
    return new HnClientStats(itemRequests() + maxItemCalls.get() + newStoriesCalls.get(), 0, requestsById.size());
  }

  /** How often this id was asked for. */
  public int requests(long id) {
    var count = requestsById.get(id);
    return count == null ? 0 : count.get();
  }

  /** Item requests in total, repeats included. */
  public long itemRequests() {
    return requestsById.values().stream().mapToLong(AtomicInteger::get).sum();
  }

  /** Ids asked for more than once. */
  public Set<Long> idsRequestedMoreThanOnce() {
    return requestsById.entrySet().stream()
        .filter(e -> e.getValue().get() > 1)
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** Calls of {@link #items}: one round-trip each for a client that fetches concurrently. */
  public long batches() {
    return batches.get();
  }

  public long newStoriesCalls() {
    return newStoriesCalls.get();
  }

  /** Forgets every count, e.g. after a test's own setup reads. */
  public void resetCounts() {
    requestsById.clear();
    batches.set(0);
    maxItemCalls.set(0);
    newStoriesCalls.set(0);
  }

  /** Builds a {@link FakeHnApi}; unset parts default to what the items imply. */
  public static final class Builder {
    private final Map<Long, HnItem> items = new HashMap<>();
    private LongFunction<HnItem> computed;
    private Long maxItem;
    private List<Long> newStories;
    private final Set<Long> answerNull = new HashSet<>();
    private final Set<Long> failing = new HashSet<>();

    private Builder() {}

    public Builder items(Collection<HnItem> values) {
      values.forEach(this::item);
      return this;
    }

    public Builder item(HnItem item) {
      if (items.putIfAbsent(item.id(), item) != null) {
        throw new IllegalArgumentException("item " + item.id() + " given twice");
      }
      return this;
    }

    /** Items made on demand, for id spaces too large to hold (ids above maxItem answer null). */
    public Builder computed(long maxItemId, LongFunction<HnItem> itemAt) {
      this.computed = itemAt;
      this.maxItem = maxItemId;
      return this;
    }

    /** These ids answer null even if an item was given for them. */
    public Builder answerNull(long... ids) {
      for (long id : ids) {
        answerNull.add(id);
      }
      return this;
    }

    /** Asking for these ids throws {@link HnUnavailableException}. */
    public Builder failOn(long... ids) {
      for (long id : ids) {
        failing.add(id);
      }
      return this;
    }

    /** Default: the largest id given. */
    public Builder maxItem(long id) {
      this.maxItem = id;
      return this;
    }

    /** Default: the newest {@value #NEW_STORIES_LIMIT} visible stories and polls, newest first. */
    public Builder newStories(List<Long> ids) {
      this.newStories = List.copyOf(ids);
      return this;
    }

    public FakeHnApi build() {
      var known = Map.copyOf(items);
      var nulls = Set.copyOf(answerNull);
      LongFunction<HnItem> lookup = computed == null ? known::get : computed;
      long max = maxItem != null ? maxItem : known.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
      LongFunction<HnItem> source =
          id -> nulls.contains(id) || id < 1 || id > max ? null : lookup.apply(id);
      var listed = newStories != null ? newStories : newestPosts(known.values(), nulls);
      return new FakeHnApi(source, max, listed, failing);
    }

    private static List<Long> newestPosts(Collection<HnItem> items, Set<Long> nulls) {
      return items.stream()
          .filter(item -> item.isPost() && item.isVisible() && !nulls.contains(item.id()))
          .map(HnItem::id)
          .sorted(Comparator.reverseOrder())
          .limit(NEW_STORIES_LIMIT)
          .toList();
    }
  }
}
