package dev.hndeepest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.discovery.PostDiscovery;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.json.Json;
import dev.hndeepest.replica.GeneratorSpec;
import dev.hndeepest.replica.HnDataGenerator;
import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ItemJsonLines;
import dev.hndeepest.replica.ReplicaOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command against items whose {@code time} is days away from their id neighbours (PRODUCT.md
 * §5), planted on both sides of both bounds of each window asked, served by the HN API replica on
 * loopback; answers are checked against {@link BruteForceOracle} reading the same planted file.
 */
class HnDeepestCommandOutliersIT {
  private static final Instant END = Instant.parse("2025-03-01T00:00:00Z");
  private static final long DAYS_3 = 3 * 86_400;

  @TempDir static Path dir;
  private static List<HnItem> clean;

  @BeforeAll
  static void generate() {
    clean = HnDataGenerator.generate(GeneratorSpec.endingAt(4242, END, 30));
  }

  @ParameterizedTest
  @CsvSource({"1, 3600", "3, 7200", "6, 10800", "12, 20000", "24, 1800"})
  void json_shouldMatchBruteForceOracle_whenFarOffTimesSurroundBothBoundsOfTheWindow(int hours, long secondsBeforeEnd)
      throws IOException {
    // GIVEN the data with far-off times (3 days early or late) around the first ids after
    // from - SLACK and after to + SLACK: right below each a far-future one, right above a far-past
    // one, then every 11th item for 2,000 items on each side, early and late in turn
    long asOf = END.getEpochSecond() - secondsBeforeEnd;
    long from = asOf - hours * 3600L;
    var planted = new ArrayList<>(clean);
    int planteds = 0;
    for (long bound : List.of(from - PostDiscovery.SLACK_SECONDS, asOf + PostDiscovery.SLACK_SECONDS)) {
      int index = firstIndexAfter(bound);
      for (int j = 0; j * 11 < 2_000; j++) {
        planteds += shift(planted, index - 1 - 11 * j, j % 2 == 0 ? DAYS_3 : -DAYS_3);
        planteds += shift(planted, index + 2 + 11 * j, j % 2 == 0 ? -DAYS_3 : DAYS_3);
      }
    }
    var data = dir.resolve("planted-" + hours + "-" + secondsBeforeEnd + ".jsonl");
    ItemJsonLines.write(data, planted);
    var expected = new BruteForceOracle(data).answer(from, asOf);

    // WHEN
    CommandRun run;
    try (var replica = HnReplicaServer.start(data, ReplicaOptions.defaults(), 0)) {
      run = HnDeepestCommandIT.run("--hours", Integer.toString(hours), "--as-of", Long.toString(asOf),
          "--hn-api", replica.baseUrl().toString(), "--json", "--quiet");
    }

    // THEN the oracle's answer, posts considered included
    assertThat(planteds).isGreaterThan(300);
    assertThat(run.exit()).as(run.err()).isZero();
    expected.assertAnsweredBy(Json.read(run.out(), JsonNode.class), hours + " h ending " + asOf);
  }

  @Test
  void json_shouldMatchBruteForceOracle_onGeneratedDataWithFarOffTimesInEveryStretch() throws IOException {
    // GIVEN the generator's own planting, in every 30,000-id stretch instead of one in ten
    var data = dir.resolve("generated-outliers.jsonl");
    var items = new HnDataGenerator(GeneratorSpec.endingAt(4242, END, 30).withOutlierShare(1.0)).writeTo(data);
    var oracle = new BruteForceOracle(data);
    assertThat(items).isNotEqualTo(clean);

    try (var replica = HnReplicaServer.start(data, ReplicaOptions.defaults(), 0)) {
      for (long[] window : List.of(new long[] {2, 3600}, new long[] {8, 9000}, new long[] {20, 600})) {
        long asOf = END.getEpochSecond() - window[1];

        // WHEN
        var run = HnDeepestCommandIT.run("--hours", Long.toString(window[0]), "--as-of", Long.toString(asOf),
            "--hn-api", replica.baseUrl().toString(), "--json", "--quiet");

        // THEN
        assertThat(run.exit()).as(run.err()).isZero();
        oracle.answer(asOf - window[0] * 3600, asOf)
            .assertAnsweredBy(Json.read(run.out(), JsonNode.class), window[0] + " h ending " + asOf);
      }
    }
  }

  private static int firstIndexAfter(long time) {
    for (int i = 0; i < clean.size(); i++) {
      if (clean.get(i).time() > time) {
        return i;
      }
    }
    throw new IllegalArgumentException("no item after " + time);
  }

  /** Gives the item at {@code index} (if there is one) its clean time plus {@code seconds}; 1 if it did. */
  private static int shift(List<HnItem> items, int index, long seconds) {
    if (index < 0 || index >= items.size()) {
      return 0;
    }
    items.set(index, clean.get(index).withTime(clean.get(index).time() + seconds));
    return 1;
  }
}
