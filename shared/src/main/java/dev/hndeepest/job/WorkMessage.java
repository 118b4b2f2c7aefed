package dev.hndeepest.job;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.hndeepest.depth.Post;
import java.util.List;
import java.util.Objects;

/**
 * What travels on the work queue: one discovery per job, then one message per batch: a batch of
 * posts (when {@code /newstories} listed them) or a slice of the window's id range to scan and
 * measure in place.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = WorkMessage.DiscoverPosts.class, name = "discover"),
  @JsonSubTypes.Type(value = WorkMessage.MeasurePosts.class, name = "measure"),
  @JsonSubTypes.Type(value = WorkMessage.MeasureIdRange.class, name = "measure-ids")
})
public sealed interface WorkMessage {
  JobId jobId();

  /** Find the job's posts, plan its batches and send them. */
  record DiscoverPosts(JobId jobId) implements WorkMessage {
    public DiscoverPosts {
      Objects.requireNonNull(jobId, "jobId");
    }
  }

  /** One batch of a job: its posts are measured and its partial maximum recorded. */
  sealed interface Batch extends WorkMessage {
    /** The batch's index in the job's plan, from 0. */
    int batch();
  }

  /**
   * Measure these posts and record the batch's partial maximum. Carries each post's fields and
   * kids, so the worker doesn't read the post again.
   */
  record MeasurePosts(JobId jobId, int batch, List<Post> posts) implements Batch {
    public MeasurePosts {
      Objects.requireNonNull(jobId, "jobId");
      posts = List.copyOf(posts);
    }
  }

  /**
   * Read every id in {@code [firstId, endExclusive)}, measure the window's posts among them (the
   * scan's items stay in the message's client, so their trees are mostly read already) and record
   * the batch's partial maximum with the posts it found.
   */
  record MeasureIdRange(JobId jobId, int batch, long firstId, long endExclusive) implements Batch {
    public MeasureIdRange {
      Objects.requireNonNull(jobId, "jobId");
      if (batch < 0) {
        throw new IllegalArgumentException("batch must not be negative, was " + batch);
      }
      if (firstId < 0 || endExclusive <= firstId) {
        throw new IllegalArgumentException("bad id range [" + firstId + ", " + endExclusive + ")");
      }
    }
  }
}
