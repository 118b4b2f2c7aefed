package dev.hndeepest.depth;

import dev.hndeepest.hn.HnApi;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Measures a list of posts and keeps the deepest: every post's tree through the crawler's one
 * shared pool, the HN client bounding the requests in flight. The command measures its window
 * with it, a worker each batch.
 */
public final class PostMeasurer {
  private final ThreadCrawler crawler;

  public PostMeasurer(HnApi api) {
    this.crawler = new ThreadCrawler(api);
  }

  /**
   * The winner among {@code posts} as of {@code asOf} (epoch seconds); null when there are none.
   *
   * @param measured told how many posts are measured so far, after each one, on the caller's thread
   */
  public MeasuredPost deepest(List<Post> posts, long asOf, IntConsumer measured) {
    var winner = new Winner();
    var done = new int[1];
    // Only a post that would take the lead has its thread (and its comments' excerpts) built.
    crawler.measureAll(posts, asOf, winner::wouldTake, post -> {
      winner.offer(post);
      measured.accept(++done[0]);
    });
    return winner.best();
  }

  /** {@link #deepest(List, long, IntConsumer)} with nobody listening. */
  public MeasuredPost deepest(List<Post> posts, long asOf) {
    return deepest(posts, asOf, done -> {});
  }
}
