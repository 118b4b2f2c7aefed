package dev.hndeepest.job;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What travels on the work queue: one discovery per job, then one message per batch: a batch of
 * posts (when {@code /newstories} listed them) or a slice of the window's id range to scan and
 * measure in place.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = WorkMessage.DiscoverStories.class, name = "discover"),
  @JsonSubTypes.Type(value = WorkMessage.MeasureStories.class, name = "measure"),
  @JsonSubTypes.Type(value = WorkMessage.MeasureIdRange.class, name = "measure-ids")
})
public sealed interface WorkMessage {
  String jobId();

  /** Find the job's posts and fan them out. */
  record DiscoverStories(String jobId) implements WorkMessage {}

  /**
   * Measure these posts and record the batch's partial maximum. Carries each post's fields and
   * kids, so the worker doesn't read the post again.
   */
  record MeasureStories(String jobId, int batch, List<StoryRef> stories) implements WorkMessage {
    public MeasureStories {
      stories = List.copyOf(stories);
    }
  }

  /**
   * Read every id in {@code [firstId, endExclusive)}, measure the window's posts among them (the
   * scan's items stay in the message's client, so their trees are mostly read already) and record
   * the batch's partial maximum with the posts it found.
   */
  record MeasureIdRange(String jobId, int batch, long firstId, long endExclusive) implements WorkMessage {
    public MeasureIdRange {
      if (batch < 0) {
        throw new IllegalArgumentException("batch must not be negative, was " + batch);
      }
      if (firstId < 0 || endExclusive <= firstId) {
        throw new IllegalArgumentException("bad id range [" + firstId + ", " + endExclusive + ")");
      }
    }
  }
}
