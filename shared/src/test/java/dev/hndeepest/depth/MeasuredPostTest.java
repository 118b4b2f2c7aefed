package dev.hndeepest.depth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuredPostTest {

  private static MeasuredPost post(long id, int depth, int comments) {
    var path = new ArrayList<Long>();
    for (int level = 1; level <= depth; level++) {
      path.add(id + level);
    }
    return new MeasuredPost(
        new Post(id, "story", "t", null, "u", 100, List.of()), Threads.of(depth, comments, path));
  }

  @Test
  void winnerFirst_shouldOrderByDepthThenCommentsThenSmallerId() {
    // GIVEN
    var shallowBusy = post(1, 2, 50);
    var deepFew = post(9, 3, 3);
    var deepMany = post(8, 3, 4);
    var deepManyLaterId = post(12, 3, 4);

    // WHEN
    var ordered = new ArrayList<>(List.of(shallowBusy, deepManyLaterId, deepFew, deepMany));
    ordered.sort(MeasuredPost.WINNER_FIRST);

    // THEN
    assertThat(ordered).containsExactly(deepMany, deepManyLaterId, deepFew, shallowBusy);
  }

  @Test
  void better_shouldPickSmallerId_whenDepthAndCommentsTie_inEitherArgumentOrder() {
    // GIVEN
    var small = post(3, 2, 5);
    var large = post(4, 2, 5);

    // WHEN / THEN
    assertThat(MeasuredPost.better(small, large)).isSameAs(small);
    assertThat(MeasuredPost.better(large, small)).isSameAs(small);
  }

  @Test
  void better_shouldReturnOther_whenOneIsNull() {
    // GIVEN
    var only = post(3, 0, 0);

    // WHEN / THEN
    assertThat(MeasuredPost.better(null, only)).isSameAs(only);
    assertThat(MeasuredPost.better(only, null)).isSameAs(only);
    assertThat(MeasuredPost.better(null, null)).isNull();
  }

  @Test
  void wouldTake_shouldAnswerAsTheWinnerOrderDoes() {
    // GIVEN a winner holding a post 3 deep with 4 comments, id 8
    var winner = new Winner();
    assertThat(winner.wouldTake(new Rank(0, 0, 99))).as("anything leads an empty field").isTrue();
    winner.offer(post(8, 3, 4));

    // WHEN / THEN only a rank that sorts before it would take the lead
    assertThat(winner.wouldTake(new Rank(4, 1, 50))).as("deeper").isTrue();
    assertThat(winner.wouldTake(new Rank(3, 5, 50))).as("as deep, more comments").isTrue();
    assertThat(winner.wouldTake(new Rank(3, 4, 7))).as("a tie, smaller id").isTrue();
    assertThat(winner.wouldTake(new Rank(3, 4, 8))).as("itself").isFalse();
    assertThat(winner.wouldTake(new Rank(3, 4, 9))).as("a tie, larger id").isFalse();
    assertThat(winner.wouldTake(new Rank(2, 100, 1))).as("shallower").isFalse();
  }

  @Test
  void rank_shouldBeNotPartOfTheStoredJson() {
    var json = dev.hndeepest.json.Json.write(post(8, 3, 4));

    assertThat(json).doesNotContain("rank").contains("\"thread\"");
  }
}
