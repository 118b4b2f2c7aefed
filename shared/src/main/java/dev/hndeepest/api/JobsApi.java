package dev.hndeepest.api;

import dev.hndeepest.job.IdempotencyKeyConflictException;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobNotFoundException;
import dev.hndeepest.job.JobStatusQuery;
import dev.hndeepest.job.JobSubmission;
import dev.hndeepest.json.Json;
import dev.hndeepest.request.InvalidRequestException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The HTTP face of the job API (PRODUCT.md §3): {@code POST /jobs} and {@code GET /jobs/{id}}, with
 * every error as problem+json. Validation happens before any write, so a rejected request changes
 * nothing.
 */
public final class JobsApi {
  private static final Logger log = LoggerFactory.getLogger(JobsApi.class);
  /** Query string and body together; anything longer is no honest request to this API. */
  public static final int MAX_INPUT_CHARS = 4096;
  static final String RETRY_AFTER_SECONDS = "5";

  private final JobSubmission submission;
  private final JobStatusQuery statusQuery;

  public JobsApi(JobSubmission submission, JobStatusQuery statusQuery) {
    this.submission = submission;
    this.statusQuery = statusQuery;
  }

  public static String jobPath(JobId id) {
    return "/jobs/" + id.value();
  }

  /** {@code POST /jobs?hours=h[&asOf=T]} with an optional {@code Idempotency-Key} header. */
  public ApiResponse submit(ApiRequest request) {
    return answer(request, "POST", () -> {
      var submitted = submission.submit(
          request.queryValues("hours"), request.queryValues("asOf"), request.header("Idempotency-Key"));
      var job = submitted.job();
      var jobUrl = request.urlOf(jobPath(job.id()));
      return new ApiResponse(202, Map.of(
              "Content-Type", "application/json",
              "Location", jobUrl,
              "Idempotent-Replayed", Boolean.toString(submitted.replayed())),
          Json.write(SubmittedJobRepresentation.of(job, jobUrl)));
    });
  }

  /** {@code GET /jobs/{id}}. */
  public ApiResponse status(ApiRequest request) {
    return answer(request, "GET", () -> {
      var id = new JobId(Optional.ofNullable(request.pathParameters().get("id")).orElse(""));
      var job = statusQuery.status(id);
      return new ApiResponse(200, Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
          Json.write(JobRepresentation.of(job)));
    });
  }

  private ApiResponse answer(ApiRequest request, String allowedMethod, Supplier<ApiResponse> action) {
    String requestId = request.requestId();
    if (!allowedMethod.equalsIgnoreCase(request.method())) {
      return Problem.of(405,
          request.method() + " is not supported here; use " + allowedMethod, requestId)
          .response(Map.of("Allow", allowedMethod));
    }
    if (request.inputSize() > MAX_INPUT_CHARS) {
      return Problem.of(413,
          "query string and body may hold at most " + MAX_INPUT_CHARS + " characters", requestId).response();
    }
    try {
      return action.get();
    } catch (InvalidRequestException e) {
      return Problem.invalid(e.invalidParams(), requestId).response();
    } catch (JobNotFoundException e) {
      return Problem.of(404,
          "no job with this id exists; jobs expire 7 days after submission", requestId).response();
    } catch (IdempotencyKeyConflictException e) {
      return Problem.of(422, e.getMessage(), requestId)
          .response();
    } catch (SdkClientException e) {
      return unavailable(requestId, e);
    } catch (ResourceNotFoundException | QueueDoesNotExistException e) {
      // The table or queue is gone (a stack being recreated, an emulator restarted): nothing the
      // client did wrong, and a retry can succeed once it is back. Loud, as an operator must act.
      log.error("request {}: the job table or work queue does not exist: {}", requestId, e.toString());
      return unavailable(requestId);
    } catch (AwsServiceException e) {
      if (e.isThrottlingException() || e.statusCode() >= 500) {
        return unavailable(requestId, e);
      }
      return internalError(requestId, e);
    } catch (RuntimeException e) {
      return internalError(requestId, e);
    }
  }

  private static ApiResponse unavailable(String requestId, RuntimeException e) {
    log.warn("request {}: storage or queue unavailable: {}", requestId, e.toString());
    return unavailable(requestId);
  }

  private static ApiResponse unavailable(String requestId) {
    return Problem.of(503,
            "the job store or queue is unavailable; retry after " + RETRY_AFTER_SECONDS + " seconds", requestId)
        .response(Map.of("Retry-After", RETRY_AFTER_SECONDS));
  }

  private static ApiResponse internalError(String requestId, RuntimeException e) {
    log.error("request {}: internal error", requestId, e);
    return Problem.of(500,
        "something went wrong on our side; quote request id " + requestId, requestId).response();
  }
}
