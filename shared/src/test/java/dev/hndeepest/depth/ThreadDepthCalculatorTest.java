package dev.hndeepest.depth;

import static dev.hndeepest.hn.TreeBuilder.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.hn.HnItem;
import dev.hndeepest.hn.TreeBuilder;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PRODUCT.md §1, one small hand-built tree per rule. */
class ThreadDepthCalculatorTest {
  private static final long AS_OF = 10_000;

  private static ThreadDepth measure(TreeBuilder tree, long postId) {
    return ThreadDepthCalculator.measure(Post.of(tree.item(postId)), tree.itemsById(), AS_OF);
  }

  @Test
  void measure_shouldReturnNoComments_whenPostHasNoKids() {
    // GIVEN a post without replies
    var tree = tree().post(1, 100);

    // WHEN
    var thread = measure(tree, 1);

    // THEN
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(0, 0, List.of()));
  }

  @Test
  void measure_shouldCountLevelsAndVisibleComments_whenTreeIsPlain() {
    // GIVEN 1 ─ 2 ─ 3, and 1 ─ 4
    var tree = tree().post(1, 100).comment(2, 1, 110).comment(3, 2, 120).comment(4, 1, 130);

    // WHEN
    var thread = measure(tree, 1);

    // THEN
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(2, 3, List.of(2L, 3L)));
  }

  @Test
  void measure_shouldKeepLevel_whenParentDeleted() {
    // GIVEN a visible reply under a [deleted] placeholder: 1 ─ 2 (deleted) ─ 3
    var tree = tree().post(1, 100).comment(2, 1, 110).deleted().comment(3, 2, 120);

    // WHEN
    var thread = measure(tree, 1);

    // THEN it stays on level 2, its path runs through the placeholder, the placeholder isn't counted
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(2, 1, List.of(2L, 3L)));
  }

  @Test
  void measure_shouldKeepLevel_whenParentDead() {
    // GIVEN 1 ─ 2 ─ 3 (dead) ─ 4
    var tree = tree().post(1, 100).comment(2, 1, 110).comment(3, 2, 120).dead().comment(4, 3, 130);

    // WHEN
    var thread = measure(tree, 1);

    // THEN
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(3, 2, List.of(2L, 3L, 4L)));
  }

  @Test
  void measure_shouldNotCountTail_whenDeepestCommentsAreDeadOrDeleted() {
    // GIVEN 1 ─ 2 ─ 3 (dead) ─ 4 (deleted)
    var tree = tree()
        .post(1, 100).comment(2, 1, 110).comment(3, 2, 120).dead().comment(4, 3, 130).deleted();

    // WHEN
    var thread = measure(tree, 1);

    // THEN only comment 2 counts, for depth and for comments
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(1, 1, List.of(2L)));
  }

  @Test
  void measure_shouldReturnDepthZero_whenEveryCommentIsDeletedOrDead() {
    // GIVEN
    var tree = tree().post(1, 100).comment(2, 1, 110).deleted().comment(3, 2, 120).dead();

    // WHEN
    var thread = measure(tree, 1);

    // THEN
    assertThat(thread).isEqualTo(ThreadDepth.NO_COMMENTS);
  }

  @Test
  void measure_shouldLeaveOutCommentsAfterAsOf_withTheirReplies() {
    // GIVEN 1 ─ 2 ─ 3 (after asOf) ─ 4 (before asOf: malformed, but must still be cut)
    var tree = tree()
        .post(1, 100).comment(2, 1, 110).comment(3, 2, AS_OF + 1).comment(4, 3, 120)
        .comment(5, 1, AS_OF);

    // WHEN
    var thread = measure(tree, 1);

    // THEN comment 5 at exactly asOf counts; 3 and its reply do not
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(1, 2, List.of(2L)));
  }

  @Test
  void measure_shouldLeaveOutDeletedPlaceholder_whenItIsAfterAsOf() {
    // GIVEN a deleted stub later than asOf with a visible reply under it
    var tree = tree().post(1, 100).comment(2, 1, AS_OF + 5).deleted().comment(3, 2, 130);

    // WHEN
    var thread = measure(tree, 1);

    // THEN
    assertThat(thread).isEqualTo(ThreadDepth.NO_COMMENTS);
  }

  @Test
  void measure_shouldSkipKid_whenApiAnsweredNull() {
    // GIVEN kid 2 answered null; an item that claims 2 as parent is in the map but unreachable
    var tree = tree().post(1, 100).missing(2, 1).comment(4, 1, 140);
    var items = new HashMap<>(tree.itemsById());
    items.put(3L, new HnItem(3, "comment", "x", 130, null, null, 2L, null, null, null, "t", null, null, null, null));

    // WHEN
    var thread = ThreadDepthCalculator.measure(Post.of(tree.item(1)), items, AS_OF);

    // THEN
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(1, 1, List.of(4L)));
  }

  @Test
  void measure_shouldPickSmallestId_whenDeepestCommentsTie() {
    // GIVEN two level-2 comments, 7 listed before 5 and under an earlier top-level comment
    var tree = tree()
        .post(1, 100).comment(2, 1, 110).comment(3, 1, 120)
        .comment(7, 2, 140).comment(5, 3, 130);

    // WHEN
    var thread = measure(tree, 1);

    // THEN
    assertThat(thread.deepestPath()).containsExactly(3L, 5L);
    assertThat(thread.depth()).isEqualTo(2);
  }

  @Test
  void measure_shouldPreferDeeperComment_overSmallerIdHigherUp() {
    // GIVEN a shallow comment with a small id and a deep chain with larger ids
    var tree = tree()
        .post(1, 100).comment(2, 1, 110).comment(3, 1, 120).comment(8, 3, 130).comment(9, 8, 140);

    // WHEN
    var thread = measure(tree, 1);

    // THEN
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(3, 4, List.of(3L, 8L, 9L)));
  }

  @Test
  void measure_shouldNotCountPollOptions_whenPostIsPoll() {
    // GIVEN a poll whose options are in parts and whose one comment is in kids
    var tree = tree().poll(1, 100).pollopt(2, 1, 100).pollopt(3, 1, 100).comment(4, 1, 110);

    // WHEN
    var thread = measure(tree, 1);

    // THEN
    assertThat(tree.item(1).parts()).containsExactly(2L, 3L);
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(1, 1, List.of(4L)));
  }

  @Test
  void measure_shouldVisitEachIdOnce_whenKidsRepeatOrLoop() {
    // GIVEN 2 listed twice under the post, and 3 listing the post and 2 as its kids
    var tree = tree()
        .post(1, 100).comment(2, 1, 110).alsoKid(1, 2).comment(3, 2, 120).alsoKid(3, 1).alsoKid(3, 2);

    // WHEN
    var thread = measure(tree, 1);

    // THEN
    assertThat(Threads.shape(thread)).isEqualTo(Threads.shape(2, 2, List.of(2L, 3L)));
  }

  @Test
  void measure_shouldNotOverflowStack_whenThreadIsVeryDeep() {
    // GIVEN a chain of 20,000 replies
    var tree = tree().post(1, 100);
    for (long id = 2; id <= 20_001; id++) {
      tree.comment(id, id - 1, 100 + id);
    }

    // WHEN
    var thread = ThreadDepthCalculator.measure(Post.of(tree.item(1)), tree.itemsById(), 1_000_000);

    // THEN
    assertThat(thread.depth()).isEqualTo(20_000);
    assertThat(thread.comments()).isEqualTo(20_000);
    assertThat(thread.deepestPath()).hasSize(20_000).startsWith(2L).endsWith(20_001L);
  }
}
