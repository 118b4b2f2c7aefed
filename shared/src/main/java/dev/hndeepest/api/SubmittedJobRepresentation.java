package dev.hndeepest.api;

import dev.hndeepest.job.Job;
import java.time.Instant;

/** The body of 202 Accepted for POST /jobs (PRODUCT.md §3). */
public record SubmittedJobRepresentation(String jobId, String status, int hours, String asOf, Links links) {

  /** Where to poll: the same absolute URL as the Location header. */
  public record Links(String self) {}

  public static SubmittedJobRepresentation of(Job job, String jobUrl) {
    return new SubmittedJobRepresentation(
        job.id().value(),
        job.status().name(),
        job.request().hours(),
        Instant.ofEpochSecond(job.request().asOf()).toString(),
        new Links(jobUrl));
  }
}
