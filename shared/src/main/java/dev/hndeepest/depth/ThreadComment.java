package dev.hndeepest.depth;

import dev.hndeepest.hn.CommentText;
import dev.hndeepest.hn.HnItem;

/**
 * One comment of a deepest thread, as the answer shows it (PRODUCT.md §2). Its level is its place
 * in the chain.
 *
 * @param by null for a deleted comment (HN drops the author)
 * @param text the plain-text excerpt; null for a deleted or dead placeholder and for a comment with no text
 */
public record ThreadComment(long id, String by, long time, String text, boolean dead, boolean deleted) {

  /** The comment as the chain shows it, its HTML turned into the excerpt; a placeholder (deleted or dead) without text. */
  static ThreadComment of(HnItem comment) {
    return new ThreadComment(comment.id(), comment.by(), comment.time(),
        comment.isVisible() ? CommentText.excerpt(comment.text()) : null, comment.isDead(), comment.isDeleted());
  }

  /** This comment with its excerpt cut to {@code limit} characters. */
  ThreadComment withTextCutTo(int limit) {
    var cut = CommentText.cut(text, limit);
    return cut == null ? new ThreadComment(id, by, time, null, dead, deleted)
        : cut.equals(text) ? this : new ThreadComment(id, by, time, cut, dead, deleted);
  }
}
