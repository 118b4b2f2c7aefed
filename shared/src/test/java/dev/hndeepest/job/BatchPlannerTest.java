package dev.hndeepest.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.depth.Post;
import dev.hndeepest.hn.HnItem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {
  private static HnItem post(long id, int descendants) {
    return new HnItem(id, "story", "u", 1000 + id, null, null, null, List.of(), "t" + id, null, null, 1,
        descendants, null, null);
  }

  @Test
  void plan_shouldGiveHugeThreadItsOwnBatch_whenOthersAreSmall() {
    var posts = new ArrayList<HnItem>();
    posts.add(post(1, 5_000));
    for (long id = 2; id <= 30; id++) {
      posts.add(post(id, 3));
    }

    var batches = new BatchPlanner(1_000, 50).plan(posts);

    assertThat(batches.getFirst()).extracting(Post::id).containsExactly(1L);
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1)).hasSize(29);
  }

  @Test
  void plan_shouldCapPostsPerBatch_whenThreadsAreEmpty() {
    var posts = new ArrayList<HnItem>();
    for (long id = 1; id <= 25; id++) {
      posts.add(post(id, 0));
    }

    var batches = new BatchPlanner(1_000, 10).plan(posts);

    assertThat(batches).extracting(List::size).containsExactly(10, 10, 5);
  }

  @Test
  void plan_shouldKeepEveryPostOnce_andBeDeterministic() {
    var posts = new ArrayList<HnItem>();
    for (long id = 1; id <= 200; id++) {
      posts.add(post(id, (int) (id * 37 % 400)));
    }

    var planner = new BatchPlanner(500, 20);
    var batches = planner.plan(posts);

    assertThat(batches.stream().flatMap(List::stream).map(Post::id))
        .containsExactlyInAnyOrderElementsOf(posts.stream().map(HnItem::id).toList());
    assertThat(planner.plan(posts.reversed())).isEqualTo(batches);
  }

  @Test
  void plan_shouldReturnNoBatch_whenNoPosts() {
    assertThat(new BatchPlanner().plan(List.of())).isEmpty();
  }

  @Test
  void expectedItems_shouldNotTrustNegativeDescendants_whenPostIsOdd() {
    var odd = new HnItem(9, "story", "u", 1, null, null, null, List.of(10L, 11L), "t", null, null, 1, -1, null, null);
    assertThat(BatchPlanner.expectedItems(odd)).isEqualTo(3);
  }
}
