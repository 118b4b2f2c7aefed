package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.hn.HnItem;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServedItemsTest {

  private static final GeneratorSpec SPAN =
      GeneratorSpec.endingAt(21, Instant.parse("2025-02-01T00:00:00Z"), 12);

  @Test
  void asOf_shouldShowNothingFromLater_whenCutInTheMiddleOfGeneratedData() {
    // GIVEN twelve generated hours, served as of six hours in
    List<HnItem> items = HnDataGenerator.generate(SPAN);
    Map<Long, HnItem> all =
        items.stream().collect(Collectors.toMap(HnItem::id, Function.identity()));
    long cut = SPAN.start().getEpochSecond() + 6 * 3600;

    // WHEN the replica's view is built
    ServedItems served = ServedItems.asOf(items, Instant.ofEpochSecond(cut));

    // THEN later items answer null and leave no trace in kids, earlier ones are all there
    int servedCount = 0;
    for (HnItem item : items) {
      var seen = served.item(item.id());
      assertThat(seen.isPresent()).isEqualTo(item.time() <= cut);
      if (seen.isEmpty()) {
        continue;
      }
      servedCount++;
      for (long kid : seen.get().kidIds()) {
        HnItem child = all.get(kid);
        assertThat(child == null || child.time() <= cut).isTrue();
      }
      if (item.isPost() && item.isVisible()) {
        assertThat(seen.get().descendants()).isBetween(0, item.descendants());
      }
    }
    assertThat(servedCount).isBetween(items.size() / 3, items.size() * 2 / 3);
    assertThat(served.maxItem()).isLessThan(items.getLast().id());
    assertThat(all.get(served.maxItem()).time()).isLessThanOrEqualTo(cut);
    assertThat(served.newStories())
        .isSortedAccordingTo(Comparator.reverseOrder())
        .allSatisfy(id -> assertThat(all.get(id).time()).isLessThanOrEqualTo(cut));
    // Posts that kept growing after the cut show fewer descendants then than at the end.
    assertThat(items)
        .filteredOn(item -> item.isPost() && item.isVisible() && item.time() <= cut)
        .anyMatch(post -> served.item(post.id()).orElseThrow().descendants() < post.descendants());
  }

  @Test
  void all_shouldServeItemsUnchanged_whenNoCutIsGiven() {
    List<HnItem> items = HnDataGenerator.generate(SPAN.withRates(10, 50));
    ServedItems served = ServedItems.all(items);
    assertThat(items).allSatisfy(item -> assertThat(served.item(item.id())).containsSame(item));
    assertThat(served.maxItem()).isEqualTo(items.getLast().id());
    assertThat(served.newStories()).hasSizeLessThanOrEqualTo(ServedItems.LISTING_LIMIT);
    assertThat(served.updates()).hasSize(ServedItems.UPDATES_LIMIT);
  }
}
