package dev.hndeepest.job;

import java.util.Collection;
import java.util.HashSet;

/**
 * How a job counts {@code itemsFetched} so that it equals the command's count of distinct items
 * read (PRODUCT.md §2), though its reads are spread over messages that read some items twice: every
 * item read is counted by exactly one owner. An id-range job's batch owns its own slice of the range
 * (its scan reads every id of it) and the items its crawl reads above the whole range, unless
 * discovery read them too; discovery owns what it read outside the range. A job of listed posts
 * needs no rule: discovery reads posts, its batches only their comments, and trees are disjoint.
 */
final class ItemCount {
  private ItemCount() {}

  /** Discovery's share: everything it read outside the range it planned (everything, for listed posts). */
  static long ofDiscovery(Collection<Long> read, IdRangePlan plan) {
    return plan == null ? read.size() : read.stream().filter(id -> !plan.covers(id)).count();
  }

  /** An id-range batch's share: its own slice, and what its crawl read outside the range that discovery did not. */
  static long ofIdRangeBatch(Collection<Long> read, WorkMessage.MeasureIdRange batch, IdRangePlan plan) {
    var discovery = new HashSet<>(plan.discoveryReadsAbove());
    return read.stream()
        .filter(id -> (id >= batch.firstId() && id < batch.endExclusive())
            || (!plan.covers(id) && !discovery.contains(id)))
        .count();
  }
}
