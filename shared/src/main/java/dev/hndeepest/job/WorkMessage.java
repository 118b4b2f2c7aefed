package dev.hndeepest.job;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** What travels on the work queue: one discovery per job, then one message per batch of posts. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = WorkMessage.DiscoverStories.class, name = "discover"),
  @JsonSubTypes.Type(value = WorkMessage.MeasureStories.class, name = "measure")
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
}
