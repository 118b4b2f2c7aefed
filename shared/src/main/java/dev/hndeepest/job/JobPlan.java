package dev.hndeepest.job;

import java.util.Objects;
import java.util.Optional;

/**
 * What a job's discovery settled on, as the store records it when the job starts running.
 *
 * @param postsTotal the window's posts when discovery listed them; 0 for an id-range scan, whose
 *     batches add the posts they find
 * @param discoveryItemsFetched HN items discovery read (added to the result's count)
 * @param idRange the id-range plan, stored so a redelivered discovery sends the same batches;
 *     empty when discovery sent batches of listed posts
 */
public record JobPlan(int postsTotal, int batchesTotal, long discoveryItemsFetched, Optional<IdRangePlan> idRange) {
  public JobPlan {
    Objects.requireNonNull(idRange, "idRange");
    if (postsTotal < 0 || batchesTotal < 0) {
      throw new IllegalArgumentException("negative totals: " + postsTotal + " posts, " + batchesTotal + " batches");
    }
    if (idRange.isPresent() && (postsTotal != 0 || batchesTotal != idRange.get().batches())) {
      throw new IllegalArgumentException("an id-range plan counts no posts and has its range's batches");
    }
  }

  /** Batches of posts that discovery listed and counted. */
  public static JobPlan ofPosts(int postsTotal, int batchesTotal, long discoveryItemsFetched) {
    return new JobPlan(postsTotal, batchesTotal, discoveryItemsFetched, Optional.empty());
  }

  /** Batches that scan slices of the id range and count the posts they find. */
  public static JobPlan ofIdRange(IdRangePlan plan, long discoveryItemsFetched) {
    return new JobPlan(0, plan.batches(), discoveryItemsFetched, Optional.of(plan));
  }
}
