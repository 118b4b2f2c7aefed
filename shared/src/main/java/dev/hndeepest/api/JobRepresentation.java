package dev.hndeepest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.job.Job;
import java.time.Instant;

/** The body of GET /jobs/{id} (PRODUCT.md §3): result only when SUCCEEDED, error only when FAILED. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRepresentation(
    String jobId,
    String status,
    int hours,
    String asOf,
    String createdAt,
    String updatedAt,
    Progress progress,
    DeepestThreadResult result,
    String error) {

  /**
   * How far the job is, under PRODUCT.md's names ({@code storiesTotal}, {@code storiesDone}): posts
   * count the window's posts measured; batches count the work messages done, the steadier measure
   * while an id-range scan is still finding posts (the posts' total grows).
   */
  public record Progress(
      @JsonProperty("storiesTotal") int postsTotal,
      @JsonProperty("storiesDone") int postsDone,
      int batchesTotal,
      int batchesDone) {}

  public static JobRepresentation of(Job job) {
    return new JobRepresentation(
        job.id().value(),
        job.status().name(),
        job.request().hours(),
        Instant.ofEpochSecond(job.request().asOf()).toString(),
        job.createdAt().toString(),
        job.updatedAt().toString(),
        new Progress(job.postsTotal(), job.postsDone(), job.batchesTotal(), job.batchesDone()),
        job.result(),
        job.error());
  }
}
