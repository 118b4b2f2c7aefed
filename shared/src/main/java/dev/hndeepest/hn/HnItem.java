package dev.hndeepest.hn;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One item of the Hacker News Firebase API, in its own field names.
 * Absent booleans mean false, absent lists mean empty. As {@link FirebaseHnClient} keeps an item,
 * {@code text} is the plain-text excerpt of a visible comment ({@link #withTextAsExcerpt()}).
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
   * This item with {@code text} as clients keep it: a visible comment's plain-text excerpt (at most
   * {@value CommentText#MAX_CHARS} characters, what an answer's thread shows), null for anything
   * else (a post's text, a dead comment's) — the whole HTML would dominate a cache of many items.
   */
  public HnItem withTextAsExcerpt() {
    String excerpt = "comment".equals(type) && isVisible() ? CommentText.excerpt(text) : null;
    if (Objects.equals(excerpt, text)) {
      return this;
    }
    return new HnItem(id, type, by, time, deleted, dead, parent, kids, title, url, excerpt, score, descendants, poll,
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
