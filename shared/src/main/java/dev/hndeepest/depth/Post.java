package dev.hndeepest.job;

import dev.hndeepest.depth.PostSummary;
import dev.hndeepest.hn.HnItem;
import java.util.List;

/** A post as a work message carries it: what the answer reports, plus where its tree starts. */
public record StoryRef(long id, String type, String title, String url, String by, long time, List<Long> kids) {
  public StoryRef {
    kids = kids == null ? List.of() : List.copyOf(kids);
  }

  public static StoryRef of(HnItem post) {
    return new StoryRef(post.id(), post.type(), post.title(), post.url(), post.by(), post.time(), post.kidIds());
  }

  public PostSummary summary() {
    return new PostSummary(id, type, title, url, by, time);
  }

  /** The post as an item again, for the crawler (neither dead nor deleted: discovery kept it). */
  public HnItem asItem() {
    return new HnItem(id, type, by, time, null, null, null, kids, title, url, null, null, null, null, null);
  }
}
