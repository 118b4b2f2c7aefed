package dev.hndeepest.replica;

import dev.hndeepest.hn.HnItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plants items whose {@code time} is days away from their id neighbours, as archives of the live
 * API show in about one 30,000-id stretch in ten (batch rewrites of old items; PRODUCT.md §5): in
 * a chosen stretch, a few items get a time 2 to 10 days earlier or later. Their replies keep their
 * own times, as on the live API.
 */
final class OutlierTimes {
  /** The id stretch the archives' rate refers to. */
  static final long STRETCH_IDS = 30_000;
  /** Items given a far-off time in a stretch that has any: 1 to this many. */
  static final int MAX_PER_STRETCH = 3;
  static final long MIN_SHIFT_SECONDS = 2 * 86_400;
  static final long MAX_SHIFT_SECONDS = 10 * 86_400;

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final long OUTLIER_SALT = 0x2545F4914F6CDD1DL;

  private OutlierTimes() {}

  /**
   * The items (sorted by id) with far-off times planted on a few of the items of {@code
   * stretchShare} of the id stretches; the same seed plants the same ones.
   */
  static List<HnItem> plant(List<HnItem> items, long seed, double stretchShare) {
    if (stretchShare == 0 || items.isEmpty()) {
      return items;
    }
    var shifts = new HashMap<Integer, Long>();
    int stretchStart = 0;
    while (stretchStart < items.size()) {
      long stretch = items.get(stretchStart).id() / STRETCH_IDS;
      int stretchEnd = stretchStart;
      while (stretchEnd < items.size() && items.get(stretchEnd).id() / STRETCH_IDS == stretch) {
        stretchEnd++;
      }
      var random = new SplittableRandom((seed ^ OUTLIER_SALT) + stretch * GOLDEN_GAMMA);
      if (random.nextDouble() < stretchShare) {
        int count = 1 + random.nextInt(MAX_PER_STRETCH);
        for (int i = 0; i < count; i++) {
          long shift = random.nextLong(MIN_SHIFT_SECONDS, MAX_SHIFT_SECONDS + 1);
          shifts.put(random.nextInt(stretchStart, stretchEnd), random.nextBoolean() ? shift : -shift);
        }
      }
      stretchStart = stretchEnd;
    }
    var result = new ArrayList<HnItem>(items);
    shifts.forEach((index, shift) -> result.set(index, items.get(index).withTime(items.get(index).time() + shift)));
    return result;
  }
}
