package dev.hndeepest.depth;

import dev.hndeepest.concurrent.IoThreads;
import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnItem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Fetches posts' comment trees through one shared pool of {@link HnApi#maxInFlight()} I/O lanes
 * ({@link IoThreads}): an item's kids are queued the moment it arrives, so a slow request delays only its own
 * subtree, never a level of its post or another post. Each finished tree goes to
 * {@link ThreadDepthCalculator}.
 */
public final class ThreadCrawler {
  private final HnApi api;

  public ThreadCrawler(HnApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /** The post's measured thread as of {@code asOf} (epoch seconds). */
  public ThreadDepth crawl(Post post, long asOf) {
    return measure(post, asOf).thread();
  }

  /** The post with its measured thread, ready to compete for the win. */
  public MeasuredPost measure(Post post, long asOf) {
    Objects.requireNonNull(post, "post");
    var measured = new MeasuredPost[1];
    measureAll(List.of(post), asOf, result -> measured[0] = result);
    return measured[0];
  }

  /**
   * Measures every post as of {@code asOf}, handing each result to {@code onMeasured} on the calling
   * thread as its tree completes. The first failure stops the crawl and is rethrown as it was thrown.
   */
  public void measureAll(List<Post> posts, long asOf, Consumer<? super MeasuredPost> onMeasured) {
    measureAll(posts, asOf, rank -> true, onMeasured);
  }

  /**
   * As {@link #measureAll(List, long, Consumer)}, but a post whose rank {@code wanted} declines (asked
   * on the calling thread as its tree completes) reaches {@code onMeasured} as null, its thread not
   * built: a post that cannot win needs no excerpts.
   */
  public void measureAll(List<Post> posts, long asOf, Predicate<Rank> wanted,
      Consumer<? super MeasuredPost> onMeasured) {
    Objects.requireNonNull(wanted, "wanted");
    Objects.requireNonNull(onMeasured, "onMeasured");
    if (posts.isEmpty()) {
      return;
    }
    new Crawl(api, asOf).run(posts, wanted, onMeasured);
  }

  /** One call's pool: the queue of ids to fetch and the lanes that fetch them. */
  private static final class Crawl {
    private final HnApi api;
    private final long asOf;
    private final LinkedBlockingQueue<Fetch> queue = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();

    Crawl(HnApi api, long asOf) {
      this.api = api;
      this.asOf = asOf;
    }

    void run(List<Post> posts, Predicate<Rank> wanted, Consumer<? super MeasuredPost> onMeasured) {
      int lanes = Math.max(1, api.maxInFlight());
      var threads = new Thread[lanes];
      var lane = IoThreads.configured().factory("crawl-");
      for (int i = 0; i < lanes; i++) {
        threads[i] = lane.newThread(this::fetchUntilStopped);
        threads[i].start();
      }
      try {
        for (Post post : posts) {
          new Tree(Objects.requireNonNull(post, "post")).start();
        }
        for (int done = 0; done < posts.size(); done++) {
          switch (take()) {
            case Measured measured -> onMeasured.accept(wanted.test(measured.shape().rank())
                ? new MeasuredPost(measured.post(), measured.shape().thread()) : null);
            case Failed failed -> rethrow(failed.error());
          }
        }
      } finally {
        for (var thread : threads) {
          thread.interrupt();
        }
      }
    }

    private void fetchUntilStopped() {
      try {
        while (true) {
          var fetch = queue.take();
          fetch.tree().arrived(fetch.id(), api.item(fetch.id()));
        }
      } catch (InterruptedException e) {
        // The crawl is over.
      } catch (RuntimeException | Error e) {
        outcomes.add(new Failed(e));
      }
    }

    private Outcome take() {
      try {
        return outcomes.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while crawling threads", e);
      }
    }

    private static void rethrow(Throwable error) {
      switch (error) {
        case RuntimeException runtime -> throw runtime;
        case Error fatal -> throw fatal;
        default -> throw new IllegalStateException(error);
      }
    }

    /** One post's tree: what has arrived, what was asked for, and how many requests are still out. */
    private final class Tree {
      private final Post post;
      private final Map<Long, HnItem> items = new ConcurrentHashMap<>();
      // Every id asked for once at most, even if malformed data lists it twice or in a cycle.
      private final Set<Long> requested = ConcurrentHashMap.newKeySet();
      // Queued fetches not yet arrived, plus one held by start() until every kid is queued.
      private final AtomicInteger outstanding = new AtomicInteger(1);

      Tree(Post post) {
        this.post = post;
        requested.add(post.id());
      }

      void start() {
        queueKids(post.kids());
        settle();
      }

      void arrived(long id, Optional<HnItem> answer) {
        answer.ifPresent(item -> {
          items.put(id, item);
          // Replies of a comment that is left out (later than asOf) are left out too: don't fetch.
          if (item.time() <= asOf) {
            queueKids(item.kidIds());
          }
        });
        settle();
      }

      private void queueKids(List<Long> kids) {
        for (long kid : kids) {
          if (requested.add(kid)) {
            outstanding.incrementAndGet();
            queue.add(new Fetch(this, kid));
          }
        }
      }

      private void settle() {
        if (outstanding.decrementAndGet() == 0) {
          outcomes.add(new Measured(post.withoutKids(), ThreadDepthCalculator.shape(post, items, asOf)));
        }
      }
    }

    private record Fetch(Tree tree, long id) {}

    private sealed interface Outcome {}

    private record Measured(Post post, ThreadDepthCalculator.Shape shape) implements Outcome {}

    private record Failed(Throwable error) implements Outcome {}
  }
}
