package dev.hndeepest.answer;

import dev.hndeepest.depth.MeasuredPost;
import dev.hndeepest.depth.ThreadCrawler;
import dev.hndeepest.discovery.StoryDiscovery;
import dev.hndeepest.discovery.StoryWindow;
import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.hn.HnUnavailableException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Answers PRODUCT.md §1 in one process (the command): finds the window's posts, measures every
 * thread concurrently and picks the winner.
 */
public final class DeepestThreadFinder {
  private final HnApi api;
  private final Clock clock;
  private final StoryDiscovery discovery;
  private final ThreadCrawler crawler;

  public DeepestThreadFinder(HnApi api, Clock clock) {
    this.api = Objects.requireNonNull(api, "api");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.discovery = new StoryDiscovery(api);
    this.crawler = new ThreadCrawler(api);
  }

  /**
   * The deepest thread of the window, as of the window's end. An empty window is an answer with
   * null post fields.
   *
   * @throws HnUnavailableException when the HN API cannot be reached or keeps failing
   */
  public DeepestThreadResult find(StoryWindow window, ProgressListener listener) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(listener, "listener");
    var discovered = discovery.discover(window, clock.instant());
    var posts = discovered.posts();
    listener.discoveredBy(discovered.report());
    listener.discovered(posts.size());
    var winner = measureAll(posts, window.to(), listener);
    return DeepestThreadResult.of(
        winner, window, posts.size(), api.stats().itemsFetched(), DeepestThreadResult.FIREBASE);
  }

  /** One virtual thread per post; the HN client bounds how many requests are in flight. */
  private MeasuredPost measureAll(List<HnItem> posts, long asOf, ProgressListener listener) {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      CompletionService<MeasuredPost> completed = new ExecutorCompletionService<>(executor);
      for (var post : posts) {
        completed.submit(() -> crawler.measure(post, asOf));
      }
      MeasuredPost winner = null;
      for (int done = 1; done <= posts.size(); done++) {
        winner = MeasuredPost.better(winner, next(completed, executor));
        listener.measured(done, posts.size());
      }
      return winner;
    }
  }

  /** The next finished measurement; on the first failure the others are cancelled. */
  private static MeasuredPost next(CompletionService<MeasuredPost> completed, ExecutorService executor) {
    try {
      return completed.take().get();
    } catch (ExecutionException e) {
      executor.shutdownNow();
      // Unwrapped, so callers see the HnUnavailableException that the client threw.
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new HnUnavailableException("measuring a thread failed", e.getCause());
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
      throw new HnUnavailableException("interrupted while measuring threads", e);
    }
  }
}
