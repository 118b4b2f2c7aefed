package dev.hndeepest.hn;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One item of the Hacker News Firebase API, in its own field names.
 * Absent booleans mean false, absent lists mean empty. As {@link FirebaseHnClient} keeps an item,
 * {@code text} is a visible comment's HTML, at most about 2 KB of it ({@link #withTextBounded()}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HnItem(
    long id,
    String type,
    String by,
    long time,
    Boolean deleted,
    Boolean dead,
    Long parent,
    List<Long> kids,
    String title,
    String url,
    String text,
    Integer score,
    Integer descendants,
    Long poll,
    List<Long> parts) {

  public HnItem {
    kids = kids == null ? null : List.copyOf(kids);
    parts = parts == null ? null : List.copyOf(parts);
  }

  @JsonIgnore
  public boolean isDeleted() {
    return Boolean.TRUE.equals(deleted);
  }

  @JsonIgnore
  public boolean isDead() {
    return Boolean.TRUE.equals(dead);
  }

  /** Neither deleted nor dead: a comment that counts, or a post that can win. */
  @JsonIgnore
  public boolean isVisible() {
    return !isDeleted() && !isDead();
  }

  @JsonIgnore
  public boolean isPost() {
    return "story".equals(type) || "poll".equals(type);
  }

  /**
   * This item with {@code text} as clients keep it: a visible comment's HTML bounded by
   * {@link CommentText#bounded} (its excerpt unchanged, made only if an answer shows the comment), null
   * for anything else (a post's text, a dead comment's): whole comments would dominate a cache of
   * many items.
   */
  public HnItem withTextBounded() {
    String kept = "comment".equals(type) && isVisible() ? CommentText.bounded(text) : null;
    if (Objects.equals(kept, text)) {
      return this;
    }
    return new HnItem(id, type, by, time, deleted, dead, parent, kids, title, url, kept, score, descendants, poll,
        parts);
  }

  /** This item with another {@code time}: how replicas and tests plant the live API's far-off times. */
  public HnItem withTime(long newTime) {
    return new HnItem(id, type, by, newTime, deleted, dead, parent, kids, title, url, text, score, descendants, poll,
        parts);
  }

  @JsonIgnore
  public List<Long> kidIds() {
    return kids == null ? List.of() : kids;
  }
}
