package dev.hndeepest.answer;

import dev.hndeepest.depth.MeasuredPost;
import dev.hndeepest.discovery.StoryWindow;
import java.time.Instant;
import java.util.List;

/**
 * The answer object of PRODUCT.md §2, shared by the API, the command's {@code --json} and stored
 * results. Post fields are null when the window holds no post.
 */
public record DeepestThreadResult(
    Long storyId,
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
    StoryWindow window,
    long storiesConsidered,
    long itemsFetched,
    String source) {

  public static final String FIREBASE = "firebase";

  public static DeepestThreadResult of(
      MeasuredPost winner, StoryWindow window, long storiesConsidered, long itemsFetched, String source) {
    if (winner == null) {
      return new DeepestThreadResult(
          null, null, null, null, null, null, null, null, null, null, null,
          window, storiesConsidered, itemsFetched, source);
    }
    var post = winner.post();
    var thread = winner.thread();
    return new DeepestThreadResult(
        post.id(), post.type(), post.title(), post.url(), post.by(), post.time(),
        Instant.ofEpochSecond(post.time()).toString(),
        "https://news.ycombinator.com/item?id=" + post.id(),
        thread.depth(), thread.comments(), thread.deepestPath(),
        window, storiesConsidered, itemsFetched, source);
  }
}
