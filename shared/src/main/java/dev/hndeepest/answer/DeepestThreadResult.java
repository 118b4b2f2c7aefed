package dev.hndeepest.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hndeepest.depth.MeasuredPost;
import dev.hndeepest.discovery.TimeWindow;
import java.time.Instant;
import java.util.List;

/**
 * The answer object of PRODUCT.md §2, shared by the API, the command's {@code --json} and stored
 * results, under its field names ({@code storyId}, {@code storiesConsidered}). Post fields are
 * null when the window holds no post.
 */
public record DeepestThreadResult(
    @JsonProperty("storyId") Long postId,
    String type,
    String title,
    String url,
    String by,
    Long time,
    String timeIso,
    String hnUrl,
    Integer depth,
    Integer comments,
    List<Long> deepestPath,
    TimeWindow window,
    @JsonProperty("storiesConsidered") long postsConsidered,
    long itemsFetched,
    String source) {

  /** Where the items came from; every answer today reads the HN API as the official one. */
  public static final String FIREBASE = "firebase";

  public static DeepestThreadResult of(
      MeasuredPost winner, TimeWindow window, long postsConsidered, long itemsFetched) {
    if (winner == null) {
      return new DeepestThreadResult(
          null, null, null, null, null, null, null, null, null, null, null,
          window, postsConsidered, itemsFetched, FIREBASE);
    }
    var post = winner.post();
    var thread = winner.thread();
    return new DeepestThreadResult(
        post.id(), post.type(), post.title(), post.url(), post.by(), post.time(),
        Instant.ofEpochSecond(post.time()).toString(),
        "https://news.ycombinator.com/item?id=" + post.id(),
        thread.depth(), thread.comments(), thread.deepestPath(),
        window, postsConsidered, itemsFetched, FIREBASE);
  }
}
