package dev.hndeepest.api;

import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobFinisher;
import dev.hndeepest.json.Json;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code GET /jobs/{id}} (PRODUCT.md §3): the job, its progress and, once in, its result; errors as problem+json. */
public final class JobStatusApi {
  private final JobFinisher finisher;
  private final Duration jobTtl;

  /** @param jobTtl how long jobs are kept, which a 404 tells the client */
  public JobStatusApi(JobFinisher finisher, Duration jobTtl) {
    this.finisher = finisher;
    this.jobTtl = jobTtl;
  }

  public ApiResponse status(ApiRequest request) {
    return ApiAnswers.answer(request, "GET", jobTtl, () -> {
      var id = new JobId(Optional.ofNullable(request.pathParameters().get("id")).orElse(""));
      var job = finisher.status(id);
      return new ApiResponse(200, Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
          Json.write(JobRepresentation.of(job)));
    });
  }
}
