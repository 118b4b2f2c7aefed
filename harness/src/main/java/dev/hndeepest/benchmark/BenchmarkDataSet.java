package dev.hndeepest.benchmark;

import dev.hndeepest.hn.HnItem;
import dev.hndeepest.replica.GeneratorSpec;
import dev.hndeepest.replica.HnDataGenerator;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The seeded items every run of one benchmark reads, generated once, with an index by id. */
record BenchmarkDataSet(GeneratorSpec spec, List<HnItem> items, Map<Long, HnItem> byId, long firstId, long maxId) {

  /** Hours generated beyond the largest window, so its search for the first id has items to land on. */
  static final int MARGIN_HOURS = 1;

  static BenchmarkDataSet generate(long seed, Instant end, int largestWindowHours) {
    var spec = GeneratorSpec.endingAt(seed, end, largestWindowHours + MARGIN_HOURS);
    var items = HnDataGenerator.generate(spec);
    if (items.isEmpty()) {
      throw new IllegalStateException("the generator produced no items for " + spec);
    }
    var byId = new HashMap<Long, HnItem>(items.size() * 2);
    for (var item : items) {
      byId.put(item.id(), item);
    }
    return new BenchmarkDataSet(spec, items, byId, items.getFirst().id(), items.getLast().id());
  }

  /** What the report says about the data set. */
  record Summary(long seed, Instant start, Instant end, int items, long firstId, long maxId) {}

  Summary summary() {
    return new Summary(spec.seed(), spec.start(), spec.end(), items.size(), firstId, maxId);
  }

  /** A reader over the items in memory that counts what the serial baseline would request. */
  ReplayItemReader replay() {
    return new ReplayItemReader(byId, maxId);
  }
}
