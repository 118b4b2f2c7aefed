package dev.hndeepest.hn;

import dev.hndeepest.concurrent.FanOut;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@link HnApi} over the official Firebase API (or a replica of it), with the JDK HTTP client
 * that {@link HnClientConfig#httpClient()} names.
 *
 * <p>A good citizen: at most {@link HnClientConfig#maxConcurrency()} requests in flight, a deadline
 * per attempt, jittered retries (see {@link RetryPolicy}), and no item fetched twice by one
 * instance — concurrent callers of one id share a single request, and answers, {@code null} ones
 * included, are kept for the instance's life. Failing requests are retried for as long as any
 * request of the instance succeeds; once none has for the stall timeout, every request fails
 * (PRODUCT.md §5). Cached items carry of {@code text} only a visible comment's HTML, at most about
 * 2 KB of it ({@link HnItem#withTextBounded()}): the whole HTML would dominate the memory of a few
 * hundred thousand cached items, and turning it into an excerpt waits until an answer shows it.
 *
 * <p>Because answers are kept, build one instance per run (one job, one command), not one per
 * container: items gain comments over time.
 */
public final class FirebaseHnClient implements HnApi, AutoCloseable {
  /** The live API answers 401/403 "Permission denied" for a while on items that exist; a listing's 401 is a wrong URL. */
  private static final boolean DENIED_ITEMS_ARE_TRANSIENT = true;

  private final HnClientConfig config;
  private final String base;
  private final RetryingHttpFetcher fetcher;
  private final HnJsonReader json = new HnJsonReader();
  private final ConcurrentHashMap<Long, CompletableFuture<Optional<HnItem>>> items = new ConcurrentHashMap<>();
  private final LongAdder itemsAnswered = new LongAdder();

  public FirebaseHnClient(HnClientConfig config) {
    this.config = config;
    this.base = withoutTrailingSlashes(config.baseUrl().toString());
    this.fetcher = new RetryingHttpFetcher(config);
  }

  public HnClientConfig config() {
    return config;
  }

  @Override
  public Optional<HnItem> item(long id) {
    if (id < 0) {
      throw new IllegalArgumentException("item ids are not negative, was " + id);
    }
    var cached = items.get(id);
    if (cached != null) {
      return await(cached, id);
    }
    var mine = new CompletableFuture<Optional<HnItem>>();
    var earlier = items.putIfAbsent(id, mine);
    if (earlier != null) {
      return await(earlier, id);
    }
    try {
      Optional<HnItem> item =
          fetcher.get(url("item/" + id + ".json"), body -> json.item(body, id), DENIED_ITEMS_ARE_TRANSIENT);
      itemsAnswered.increment();
      mine.complete(item);
      return item;
    } catch (RuntimeException | Error e) {
      // Forget the failure first, so that a later call tries again rather than inheriting it.
      items.remove(id, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /**
   * Fetches the ids concurrently on at most {@link HnClientConfig#maxConcurrency()} virtual threads,
   * each taking the next id in turn: the same requests in flight as one thread per id, without
   * thousands of threads parked on the slots (their stacks cost heap and scheduling).
   */
  @Override
  public Map<Long, Optional<HnItem>> items(Collection<Long> ids) {
    var distinct = List.copyOf(new LinkedHashSet<>(ids));
    @SuppressWarnings("unchecked")
    Optional<HnItem>[] answers = new Optional[distinct.size()];
    var next = new AtomicInteger();
    int lanes = Math.min(distinct.size(), config.maxConcurrency());
    FanOut.onThreads(lanes, () -> {
      for (int i = next.getAndIncrement(); i < distinct.size(); i = next.getAndIncrement()) {
        answers[i] = item(distinct.get(i));
      }
    });
    var results = new LinkedHashMap<Long, Optional<HnItem>>();
    for (int i = 0; i < distinct.size(); i++) {
      results.put(distinct.get(i), answers[i]);
    }
    return results;
  }

  @Override
  public int maxInFlight() {
    return config.maxConcurrency();
  }

  @Override
  public long maxItem() {
    return fetcher.get(url("maxitem.json"), json::maxItem, false);
  }

  @Override
  public List<Long> newStories() {
    return fetcher.get(url("newstories.json"), json::storyIds, false);
  }

  @Override
  public HnClientStats stats() {
    return new HnClientStats(fetcher.requests(), fetcher.retries(), itemsAnswered.sum());
  }

  /** Stops the HTTP client; requests still in flight fail. */
  @Override
  public void close() {
    fetcher.close();
  }

  private static Optional<HnItem> await(CompletableFuture<Optional<HnItem>> earlier, long id) {
    try {
      return earlier.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HnUnavailableException("interrupted while waiting for item " + id, e);
    } catch (ExecutionException e) {
      // The fetching caller's own exception: same type and message for everyone who waited.
      switch (e.getCause()) {
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error;
        default -> throw new HnUnavailableException("fetching item " + id + " failed", e.getCause());
      }
    }
  }

  private URI url(String path) {
    return URI.create(base + "/" + path);
  }

  private static String withoutTrailingSlashes(String url) {
    int end = url.length();
    while (end > 0 && url.charAt(end - 1) == '/') {
      end--;
    }
    return url.substring(0, end);
  }
}
