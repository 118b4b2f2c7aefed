package dev.hndeepest.discovery;

import java.util.SortedMap;

/**
 * The time an id's neighbourhood vouches for: the median of the times of a few answering ids
 * around it. Rare items carry a {@code time} days away from their id neighbours (PRODUCT.md §5);
 * the median of five is moved by none of up to two such items, so a search that judges ids this
 * way is never misled by one, while on ordered times it is the id's own time.
 *
 * @param time the median (the lower one of an even count)
 * @param lowestId the smallest id that took part
 * @param highestId the largest id that took part
 */
record NeighbourTime(long time, long lowestId, long highestId) {

  /** Answering ids that judge an id together: itself and two on each side, when they answer. */
  static final int JUDGES = 5;

  /**
   * The median time of the given answering ids and their times.
   *
   * @throws IllegalArgumentException when there are none
   */
  static NeighbourTime of(SortedMap<Long, Long> timesById) {
    if (timesById.isEmpty()) {
      throw new IllegalArgumentException("a neighbourhood needs at least one answering id");
    }
    long[] times = timesById.values().stream().mapToLong(Long::longValue).sorted().toArray();
    return new NeighbourTime(times[(times.length - 1) / 2], timesById.firstKey(), timesById.lastKey());
  }
}
