package dev.hndeepest.depth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hndeepest.hn.HnItem;
import java.util.List;

/**
 * A post (a visible story or poll of the window) as the domain passes it on: the fields the answer
 * reports, and the ids of its top-level comments, where its tree starts. Work messages carry it, so
 * a worker needn't read the post again; a measured post keeps it without its kids.
 */
public record Post(long id, String type, String title, String url, String by, long time,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> kids) {
  public Post {
    kids = kids == null ? List.of() : List.copyOf(kids);
  }

  public static Post of(HnItem post) {
    return new Post(post.id(), post.type(), post.title(), post.url(), post.by(), post.time(), post.kidIds());
  }

  /** The post without its kids: what an answer and a stored partial maximum keep of it. */
  public Post withoutKids() {
    return kids.isEmpty() ? this : new Post(id, type, title, url, by, time, List.of());
  }
}
