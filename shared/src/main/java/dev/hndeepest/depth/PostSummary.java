package dev.hndeepest.depth;

import dev.hndeepest.hn.HnItem;

/** The fields of a post that the answer reports, kept so a result needs no second HN read. */
public record PostSummary(long id, String type, String title, String url, String by, long time) {
  public static PostSummary of(HnItem post) {
    return new PostSummary(post.id(), post.type(), post.title(), post.url(), post.by(), post.time());
  }
}
