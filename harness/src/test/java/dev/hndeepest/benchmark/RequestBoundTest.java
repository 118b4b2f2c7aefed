package dev.hndeepest.benchmark;

import static dev.hndeepest.hn.TreeBuilder.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.replica.GeneratorSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBoundTest {
  private static final long T = 1_700_000_000;
  private static final TimeWindow WINDOW = new TimeWindow(1, T, T + 3_600);

  /** Ids 7..19: old posts, the window's posts and comments, a later reply. */
  private static BenchmarkDataSet data() {
    var items = tree()
        .post(7, T - 6_000)                   // before the window
        .post(8, T - 5_500)
        .post(10, T - 5_000)
        .post(12, T + 100)                    // in the window
        .comment(13, 12, T + 200)
        .comment(14, 10, T + 300)             // on the old post, but inside the id range
        .comment(16, 13, T + 400)
        .comment(17, 16, T + 3_600 + 50)      // later than asOf: read, its reply not
        .comment(19, 17, T + 3_600 + 60)
        .post(18, T + 3_000)                  // in the window
        .missing(15, 12)                      // listed as a kid of 12, answers null
        .items();
    var sorted = new ArrayList<HnItem>(items);
    sorted.sort(Comparator.comparingLong(HnItem::id));
    var byId = new HashMap<Long, HnItem>();
    sorted.forEach(item -> byId.put(item.id(), item));
    var spec = GeneratorSpec.startingAt(1, Instant.ofEpochSecond(T), 1);
    return new BenchmarkDataSet(spec, List.copyOf(sorted), byId, 7, 19);
  }

  @Test
  void of_shouldCountTheIdRangeAndTreesOnce_whenTheWindowIsInThePast() {
    // WHEN
    var bound = RequestBound.of(data(), WINDOW, false);

    // THEN ids 12..18 (first to last item of the window), plus /maxitem; trees: 13, 15, 16, 17
    assertThat(bound.posts()).isEqualTo(2);
    assertThat(bound.firstWindowId()).isEqualTo(12);
    assertThat(bound.lastWindowId()).isEqualTo(18);
    assertThat(bound.treeReads()).isEqualTo(4);
    assertThat(bound.newStoriesCovers()).isFalse();
    assertThat(bound.mustRead()).isEqualTo(1 + 7);
  }

  @Test
  void of_shouldReplaceTheRangeByTheList_whenNewStoriesReachesPastTheWindowsStart() {
    // WHEN the window ends now and /newstories lists the old posts 7, 8 and 10 too: the oldest
    // three of the five listed, older than the window's start, judge the list's end together
    var bound = RequestBound.of(data(), WINDOW, true);

    // THEN the list, the two posts and their trees
    assertThat(bound.newStoriesCovers()).isTrue();
    assertThat(bound.mustRead()).isEqualTo(1 + 2 + 4);
  }

  @Test
  void limit_shouldDivideTheReadsByConcurrency_atTheLatency() {
    var bound = RequestBound.of(data(), WINDOW, false);

    assertThat(bound.limit(Duration.ofMillis(20), 1)).isEqualTo(Duration.ofMillis(160));
    assertThat(bound.limit(Duration.ofMillis(20), 4)).isEqualTo(Duration.ofMillis(40));
  }
}
