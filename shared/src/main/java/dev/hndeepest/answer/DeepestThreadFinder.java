package dev.hndeepest.answer;

import dev.hndeepest.depth.Post;
import dev.hndeepest.depth.PostMeasurer;
import dev.hndeepest.discovery.PostDiscovery;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnUnavailableException;
import java.time.Clock;
import java.util.Objects;

/**
 * Answers PRODUCT.md §1 in one process (the command): finds the window's posts, measures every
 * thread concurrently and picks the winner.
 */
public final class DeepestThreadFinder {
  private final HnApi api;
  private final Clock clock;
  private final ItemSource source;
  private final PostDiscovery discovery;
  private final PostMeasurer measurer;

  /** Reads {@code api}, which serves {@code source}'s items, with "now" from {@code clock}. */
  public DeepestThreadFinder(HnApi api, ItemSource source, Clock clock) {
    this.api = Objects.requireNonNull(api, "api");
    this.source = Objects.requireNonNull(source, "source");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.discovery = new PostDiscovery(api);
    this.measurer = new PostMeasurer(api);
  }

  /**
   * The deepest thread of the window, as of the window's end. An empty window is an answer with
   * null post fields.
   *
   * @throws HnUnavailableException when the HN API cannot be reached or keeps failing
   */
  public DeepestThreadResult find(TimeWindow window, ProgressListener listener) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(listener, "listener");
    var discovered = discovery.discover(window, clock.instant());
    var posts = discovered.posts().stream().map(Post::of).toList();
    listener.discoveredBy(discovered.report());
    listener.discovered(posts.size());
    var winner = measurer.deepest(posts, window.to(), done -> listener.measured(done, posts.size()));
    // The client reads every item once: its count is of distinct items, as the job's (ItemCount).
    return DeepestThreadResult.of(winner, window, posts.size(), api.stats().itemsFetched(), source);
  }
}
