package dev.hndeepest.api;

import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobSubmission;
import dev.hndeepest.json.Json;
import dev.hndeepest.request.WindowRequestParser;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * {@code POST /jobs?hours=h[&asOf=T]} with an optional {@code Idempotency-Key} header (PRODUCT.md
 * §3): 202 with the job's absolute URL in {@code Location} and {@code links.self}; every error as
 * problem+json. Validation happens before any write, so a rejected request changes nothing.
 */
public final class SubmitJobApi {
  private final JobSubmission submission;
  private final WindowRequestParser parser;
  private final Clock windowClock;
  private final Duration jobTtl;

  /** @param windowClock "now" for a window: {@code asOf}'s default and its bound (the HN data's end for a snapshot) */
  public SubmitJobApi(JobSubmission submission, WindowRequestParser parser, Clock windowClock, Duration jobTtl) {
    this.submission = submission;
    this.parser = parser;
    this.windowClock = windowClock;
    this.jobTtl = jobTtl;
  }

  /** The path of a job under the API's root. */
  public static String jobPath(JobId id) {
    return "/jobs/" + id.value();
  }

  public ApiResponse submit(ApiRequest request) {
    return ApiAnswers.answer(request, "POST", jobTtl, () -> {
      var question = WindowQuery.parse(request, parser, windowClock.instant());
      var submitted = submission.submit(question, request.header("Idempotency-Key"));
      var job = submitted.job();
      var jobUrl = request.urlOf(jobPath(job.id()));
      return new ApiResponse(202, Map.of(
              "Content-Type", "application/json",
              "Location", jobUrl,
              "Idempotent-Replayed", Boolean.toString(submitted.replayed())),
          Json.write(SubmittedJobRepresentation.of(job, jobUrl)));
    });
  }
}
