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

  /** Every post's tree through the crawler's one pool; the HN client bounds how many requests are in flight. */
  private MeasuredPost measureAll(List<HnItem> posts, long asOf, ProgressListener listener) {
    var winner = new MeasuredPost[1];
    var done = new int[1];
    crawler.measureAll(posts, asOf, measured -> {
      winner[0] = MeasuredPost.better(winner[0], measured);
      listener.measured(++done[0], posts.size());
    });
    return winner[0];
  }
}
