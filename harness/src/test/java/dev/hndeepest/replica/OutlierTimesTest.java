package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.hn.HnItem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The generator's planted far-off times: items whose time is days away from their id neighbours. */
class OutlierTimesTest {
  private static final GeneratorSpec SPAN = GeneratorSpec.endingAt(9, Instant.parse("2025-06-10T12:00:00Z"), 60);

  @Test
  void generate_shouldPlantAFewFarOffTimesPerStretch_andChangeNothingElse() {
    // GIVEN the same span without and with far-off times in every 30,000-id stretch
    var clean = HnDataGenerator.generate(SPAN);
    var planted = HnDataGenerator.generate(SPAN.withOutlierShare(1.0));

    // WHEN the two are compared item by item
    assertThat(planted).hasSameSizeAs(clean);
    var changed = new ArrayList<Integer>();
    for (int i = 0; i < clean.size(); i++) {
      var before = clean.get(i);
      var after = planted.get(i);
      assertThat(after.withTime(before.time())).isEqualTo(before);
      if (after.time() != before.time()) {
        changed.add(i);
      }
    }

    // THEN 1 to 3 per stretch, each 2 to 10 days away from its own former time and from the
    // median of its id neighbours, which keep theirs
    long stretches = clean.getLast().id() / OutlierTimes.STRETCH_IDS - clean.getFirst().id() / OutlierTimes.STRETCH_IDS + 1;
    assertThat(changed).hasSizeBetween((int) stretches, (int) (stretches * OutlierTimes.MAX_PER_STRETCH));
    for (int i : changed) {
      long shift = Math.abs(planted.get(i).time() - clean.get(i).time());
      assertThat(shift).isBetween(OutlierTimes.MIN_SHIFT_SECONDS, OutlierTimes.MAX_SHIFT_SECONDS);
      var neighbours = planted.subList(Math.max(0, i - 5), Math.min(planted.size(), i + 6)).stream()
          .filter(item -> item != planted.get(i)).mapToLong(HnItem::time).sorted().toArray();
      assertThat(Math.abs(planted.get(i).time() - neighbours[neighbours.length / 2]))
          .isGreaterThan(OutlierTimes.MIN_SHIFT_SECONDS - 3_600);
    }
    assertThat(HnDataGenerator.generate(SPAN.withOutlierShare(1.0))).as("the same seed plants the same").isEqualTo(planted);
  }

  @Test
  void generate_shouldPlantInAboutTheShareOfStretches_whenGivenTheLiveRate() {
    // GIVEN many stretches' worth of ids (one item per 500 ids): only the stretch choice matters here
    var items = new ArrayList<HnItem>();
    for (long id = 1; id <= 3_000_000; id += 500) {
      items.add(TestItems.comment(id, 1_700_000_000L + id, 1, List.of()));
    }

    // WHEN
    var planted = OutlierTimes.plant(items, 5, GeneratorSpec.LIVE_OUTLIER_SHARE);

    // THEN about one stretch in ten holds a changed item
    Map<Long, HnItem> byId = planted.stream().collect(Collectors.toMap(HnItem::id, Function.identity()));
    long stretchesWithOutliers = items.stream().filter(item -> byId.get(item.id()).time() != item.time())
        .map(item -> item.id() / OutlierTimes.STRETCH_IDS).distinct().count();
    assertThat(stretchesWithOutliers).isBetween(3L, 20L);
    assertThat(OutlierTimes.plant(items, 5, 0)).isSameAs(items);
  }

  @Test
  void generateCommand_shouldPlantFarOffTimes_whenAskedFor(@TempDir Path dir) throws Exception {
    var out = dir.resolve("planted.jsonl");

    int exit = new CommandLine(new GenerateCommand()).execute("--seed", "9", "--hours", "60",
        "--end", "2025-06-10T12:00:00Z", "--out", out.toString(), "--outlier-share", "1");

    assertThat(exit).isZero();
    assertThat(ItemJsonLines.read(out)).isEqualTo(HnDataGenerator.generate(SPAN.withOutlierShare(1.0)));
  }
}
