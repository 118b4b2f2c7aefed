package dev.hndeepest.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hndeepest.depth.MeasuredPost;
import dev.hndeepest.depth.ThreadComment;
import dev.hndeepest.discovery.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer object of PRODUCT.md §2, shared by the API, the command's {@code --json} and stored
 * results, under its field names ({@code storyId}, {@code storiesConsidered}). Post fields are
 * null when the window holds no post; {@code hnUrl} fields are null unless the source is HN's own.
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
    List<Comment> deepestThread,
    TimeWindow window,
    @JsonProperty("storiesConsidered") long postsConsidered,
    long itemsFetched,
    ItemSource source) {

  /**
   * One comment of {@code deepestThread}: {@code deepestThread[i].id == deepestPath[i]}, level
   * {@code i + 1}; a deleted or dead placeholder has no text.
   */
  public record Comment(long id, int level, String by, long time, String timeIso, String text, boolean dead,
      boolean deleted, String hnUrl) {}

  public static DeepestThreadResult of(
      MeasuredPost winner, TimeWindow window, long postsConsidered, long itemsFetched, ItemSource source) {
    Objects.requireNonNull(source, "source");
    if (winner == null) {
      return new DeepestThreadResult(
          null, null, null, null, null, null, null, null, null, null, null, null,
          window, postsConsidered, itemsFetched, source);
    }
    var post = winner.post();
    var thread = winner.thread();
    var comments = new ArrayList<Comment>();
    for (ThreadComment c : thread.deepestThread()) {
      comments.add(new Comment(c.id(), comments.size() + 1, c.by(), c.time(), Instant.ofEpochSecond(c.time()).toString(),
          c.text(), c.dead(), c.deleted(), source.hnUrl(c.id())));
    }
    return new DeepestThreadResult(
        post.id(), post.type(), post.title(), post.url(), post.by(), post.time(),
        Instant.ofEpochSecond(post.time()).toString(), source.hnUrl(post.id()),
        thread.depth(), thread.comments(), thread.deepestPath(), List.copyOf(comments),
        window, postsConsidered, itemsFetched, source);
  }
}
