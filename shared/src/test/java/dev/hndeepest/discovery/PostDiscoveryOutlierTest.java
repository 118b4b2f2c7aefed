package dev.hndeepest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.discovery.DiscoveryReport.Route;
import dev.hndeepest.hn.FakeHnApi;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.hn.RandomHnItems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Items whose {@code time} is days away from their id neighbours (PRODUCT.md §5), planted on both
 * sides of both of a window's bounds: they must not move the bounds, and posts are still kept by
 * their own {@code time}. Answers are checked against a brute-force filter of the same items.
 */
class PostDiscoveryOutlierTest {
  private static final long T0 = 1_700_000_000;
  private static final long DAYS_3 = 3 * 86_400;

  /** Where the far-off times go, around the first ids after {@code from - SLACK} and {@code to + SLACK}. */
  enum Planting {
    /** Right next to each bound, one on each side: a far-future time below it, a far-past one above. */
    NEXT_TO_THE_BOUNDS,
    /** Every 7th id for 140 ids on each side of each bound, far-future and far-past in turn. */
    DENSE_AROUND_THE_BOUNDS
  }

  private record Planted(List<HnItem> items, long startBound, long endBound, int outliers) {}

  @ParameterizedTest
  @CsvSource({
      "1, 0.2, NEXT_TO_THE_BOUNDS", "2, 0.5, NEXT_TO_THE_BOUNDS", "3, 0.8, NEXT_TO_THE_BOUNDS",
      "4, 0.2, DENSE_AROUND_THE_BOUNDS", "5, 0.5, DENSE_AROUND_THE_BOUNDS", "6, 0.8, DENSE_AROUND_THE_BOUNDS"})
  void discover_shouldFindTheBruteForcePosts_andKeepTheBounds_whenFarOffTimesSurroundThem(
      long seed, double where, Planting planting) {
    // GIVEN ~33 h of items and a 2-hour window ending well before the data's end, with far-off
    // times planted around both bounds of its id range
    var clean = RandomHnItems.generate(seed, 20_000, T0);
    long lastTime = clean.getLast().time();
    long to = T0 + (long) ((lastTime - T0) * where);
    var window = TimeWindow.endingAt(to, 2);
    var planted = plant(clean, window, planting);
    var expected = postsByOwnTime(planted.items(), window);

    // WHEN the window's end is long past, so both bounds are searched
    var api = FakeHnApi.of(planted.items());
    var now = Instant.ofEpochSecond(lastTime + 86_400);
    var location = (WindowLocation.IdRange) new PostDiscovery(api).locate(window, now);
    var discovered = new PostDiscovery(FakeHnApi.of(planted.items())).discover(window, now);

    // THEN the posts of the brute force, and an id range that starts no later and ends no earlier
    // than the clean data's bounds, by no more than a few ids
    assertThat(planted.outliers()).isGreaterThanOrEqualTo(4);
    assertThat(expected).isNotEmpty();
    assertThat(discovered.posts()).extracting(HnItem::id).isEqualTo(expected);
    assertThat(location.firstId()).isBetween(planted.startBound() - 20, planted.startBound());
    assertThat(location.endExclusive()).isBetween(planted.endBound(), planted.endBound() + 20);
  }

  @ParameterizedTest
  @EnumSource(Planting.class)
  void firstIdAfter_shouldGiveTheCleanBoundary_whenFarOffTimesSurroundIt(Planting planting) {
    // GIVEN
    var clean = RandomHnItems.generate(7, 20_000, T0);
    var window = TimeWindow.endingAt(T0 + (clean.getLast().time() - T0) / 2, 2);
    var planted = plant(clean, window, planting);
    long maxId = planted.items().getLast().id();

    // WHEN
    long first = new PostDiscovery(FakeHnApi.of(planted.items())).firstIdAfter(window.from(), maxId);

    // THEN at, or a few ids before, the first id after from - SLACK in the clean data
    assertThat(first).isBetween(planted.startBound() - 20, planted.startBound());
  }

  @ParameterizedTest
  @CsvSource({"11, 0", "12, 10", "13, 63"})
  void discover_shouldReadTheWholeList_whenAPostNearItsTopCarriesAFarPastTime(long seed, int rank) {
    // GIVEN a window ending now that /newstories covers, and one listed post in its newest chunk
    // (the rank-th newest) whose time is 3 days in the past: one early "older than the window"
    var clean = RandomHnItems.generate(seed, 6_500, T0);
    long to = clean.getLast().time();
    var window = TimeWindow.endingAt(to, 2);
    var listed = FakeHnApi.of(clean).newStories();
    long victim = listed.get(rank);
    var items = new ArrayList<HnItem>();
    for (var item : clean) {
      items.add(item.id() == victim ? item.withTime(item.time() - DAYS_3) : item);
    }
    var expected = postsByOwnTime(items, window);

    // WHEN
    var discovered = new PostDiscovery(FakeHnApi.of(items)).discover(window, Instant.ofEpochSecond(to));

    // THEN every post of the window, found through the list (more of them than one chunk holds)
    assertThat(expected).hasSizeGreaterThan(PostDiscovery.LISTED_CHUNK);
    assertThat(discovered.report().route()).isEqualTo(Route.NEW_STORIES);
    assertThat(discovered.posts()).extracting(HnItem::id).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"21, -1", "22, 1"})
  void discover_shouldFindEveryPost_whenTheOldestListedPostCarriesAFarOffTime(long seed, int direction) {
    // GIVEN a window ending now whose /newstories is just long enough, and the list's oldest post
    // 3 days in the past (it alone would "prove" the list covers any window) or in the future
    var clean = RandomHnItems.generate(seed, 6_500, T0);
    long to = clean.getLast().time();
    var window = TimeWindow.endingAt(to, 6);
    var inWindow = postsByOwnTime(clean, window);
    var listedIds = FakeHnApi.of(clean).newStories().subList(0, inWindow.size() + 1);
    long oldest = listedIds.getLast();
    var items = new ArrayList<HnItem>();
    for (var item : clean) {
      items.add(item.id() == oldest ? item.withTime(item.time() + direction * DAYS_3) : item);
    }
    var expected = postsByOwnTime(items, window);

    // WHEN
    var api = FakeHnApi.builder().items(items).newStories(listedIds).build();
    var discovered = new PostDiscovery(api).discover(window, Instant.ofEpochSecond(to));

    // THEN the brute-force posts, whichever route was taken
    assertThat(discovered.posts()).extracting(HnItem::id).isEqualTo(expected);
  }

  /** Visible posts with their own time in the window, ascending by id. */
  private static List<Long> postsByOwnTime(List<HnItem> items, TimeWindow window) {
    return items.stream()
        .filter(item -> item.isPost() && item.isVisible() && window.contains(item.time()))
        .map(HnItem::id).sorted().toList();
  }

  /**
   * Plants far-off times (3 days away) around the first ids after {@code from - SLACK} and after
   * {@code to + SLACK} in the clean items, and says where those bounds were.
   */
  private static Planted plant(List<HnItem> clean, TimeWindow window, Planting planting) {
    int startIndex = firstIndexAfter(clean, window.from() - PostDiscovery.SLACK_SECONDS);
    int endIndex = firstIndexAfter(clean, window.to() + PostDiscovery.SLACK_SECONDS);
    // Shifts by index into the answering items, so every planted id answers.
    var shifts = new LinkedHashMap<Integer, Long>();
    for (int bound : List.of(startIndex, endIndex)) {
      switch (planting) {
        case NEXT_TO_THE_BOUNDS -> {
          shifts.put(bound - 1, DAYS_3);
          shifts.put(bound + 2, -DAYS_3);
        }
        case DENSE_AROUND_THE_BOUNDS -> {
          for (int k = -20; k <= 20; k++) {
            shifts.put(bound + 7 * k, k % 2 == 0 ? DAYS_3 : -DAYS_3);
          }
        }
      }
    }
    var items = new ArrayList<HnItem>();
    for (int i = 0; i < clean.size(); i++) {
      Long shift = shifts.get(i);
      var item = clean.get(i);
      items.add(shift == null ? item : item.withTime(item.time() + shift));
    }
    return new Planted(items, clean.get(startIndex).id(), clean.get(endIndex).id(), shifts.size());
  }

  private static int firstIndexAfter(List<HnItem> items, long time) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).time() > time) {
        return i;
      }
    }
    throw new IllegalArgumentException("no item after " + time);
  }
}
