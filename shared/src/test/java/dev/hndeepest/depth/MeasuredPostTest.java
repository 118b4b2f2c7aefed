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
}
