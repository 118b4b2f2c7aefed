package dev.hndeepest.api;

import dev.hndeepest.job.JobCancellation;
import dev.hndeepest.job.JobFinisher;
import dev.hndeepest.job.JobId;
import dev.hndeepest.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /jobs/{id}} and {@code DELETE /jobs/{id}} (PRODUCT.md §3): the job, its progress and,
 * once in, its result; or the job cancelled (202). Errors as problem+json: 400 for a malformed id,
 * 404 for an unknown job, 409 for cancelling a finished one.
 */
public final class JobStatusApi {
  private final JobFinisher finisher;
  private final JobCancellation cancellation;
  private final Duration jobTtl;

  /** @param jobTtl how long jobs are kept, which a 404 tells the client */
  public JobStatusApi(JobFinisher finisher, JobCancellation cancellation, Duration jobTtl) {
    this.finisher = finisher;
    this.cancellation = cancellation;
    this.jobTtl = jobTtl;
  }

  public ApiResponse handle(ApiRequest request) {
    return ApiAnswers.answer(request, List.of("GET", "DELETE"), jobTtl, () -> {
      var id = new JobId(Optional.ofNullable(request.pathParameters().get("id")).orElse(""));
      if ("DELETE".equalsIgnoreCase(request.method())) {
        var cancelled = cancellation.cancel(id);
        return new ApiResponse(202, ApiAnswers.jobHeaders(202, cancelled, Map.of()),
            Json.write(JobRepresentation.of(cancelled)));
      }
      var job = finisher.status(id);
      return new ApiResponse(200, ApiAnswers.jobHeaders(200, job, Map.of()), Json.write(JobRepresentation.of(job)));
    });
  }
}
