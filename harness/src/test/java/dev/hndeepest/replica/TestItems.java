package dev.hndeepest.replica;

import dev.hndeepest.hn.HnItem;
import java.util.List;

/** Small hand-made item sets for the replica tests. */
final class TestItems {

  private TestItems() {}

  static HnItem story(long id, long time, int score, List<Long> kids, int descendants) {
    return new HnItem(
        id,
        "story",
        "author" + id,
        time,
        null,
        null,
        null,
        kids.isEmpty() ? null : kids,
        "Story " + id,
        "https://example.com/" + id,
        null,
        score,
        descendants,
        null,
        null);
  }

  static HnItem comment(long id, long time, long parent, List<Long> kids) {
    return new HnItem(
        id,
        "comment",
        "commenter" + id,
        time,
        null,
        null,
        parent,
        kids.isEmpty() ? null : kids,
        null,
        null,
        "text of " + id,
        null,
        null,
        null,
        null);
  }

  static HnItem deadStory(long id, long time) {
    return new HnItem(
        id,
        "story",
        "spammer",
        time,
        null,
        true,
        null,
        null,
        "Spam " + id,
        null,
        null,
        1,
        -1,
        null,
        null);
  }

  static HnItem deletedStory(long id, long time) {
    return new HnItem(
        id, "story", null, time, true, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * Story 1 (t=1000) with comments 3 (t=1100) and 7 (t=3000, under 3), story 2 (t=2000, score 50),
   * dead story 4 (t=2100), deleted story 5 (t=2200), story 6 (t=2500); id 8 does not exist.
   */
  static List<HnItem> smallSite() {
    return List.of(
        story(1, 1000, 10, List.of(3L), 2),
        story(2, 2000, 50, List.of(), 0),
        comment(3, 1100, 1, List.of(7L)),
        deadStory(4, 2100),
        deletedStory(5, 2200),
        story(6, 2500, 5, List.of(), 0),
        comment(7, 3000, 3, List.of()));
  }
}
