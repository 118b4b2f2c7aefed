package dev.hndeepest.api;

import dev.hndeepest.job.BackendException;
import dev.hndeepest.job.IdempotencyKeyConflictException;
import dev.hndeepest.job.JobNotFoundException;
import dev.hndeepest.request.InvalidRequestException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the job API's operations share: the checks before any work (method, input size) and every
 * failure turned into its problem+json answer, so a rejected request changes nothing and no
 * answer leaks a stack trace.
 */
final class ApiAnswers {
  private static final Logger log = LoggerFactory.getLogger(ApiAnswers.class);
  /** Query string and body together; anything longer is no honest request to this API. */
  static final int MAX_INPUT_CHARS = 4096;
  static final String RETRY_AFTER_SECONDS = "5";

  private ApiAnswers() {}

  /** Runs {@code action} for a request of {@code allowedMethod}, answering every failure with a problem. */
  static ApiResponse answer(ApiRequest request, String allowedMethod, Duration jobTtl, Supplier<ApiResponse> action) {
    String requestId = request.requestId();
    if (!allowedMethod.equalsIgnoreCase(request.method())) {
      return Problem.of(405, request.method() + " is not supported here; use " + allowedMethod, requestId)
          .response(Map.of("Allow", allowedMethod));
    }
    if (request.inputSize() > MAX_INPUT_CHARS) {
      return Problem.of(413, "query string and body may hold at most " + MAX_INPUT_CHARS + " characters", requestId)
          .response();
    }
    try {
      return action.get();
    } catch (InvalidRequestException e) {
      return Problem.invalid(e.invalidParams(), e.hint(), requestId).response();
    } catch (JobNotFoundException e) {
      return Problem.of(404, "no job with this id exists; jobs expire " + jobTtl.toDays() + " days after submission",
          requestId).response();
    } catch (IdempotencyKeyConflictException e) {
      return Problem.of(422, e.getMessage(), requestId).response();
    } catch (BackendException.Unavailable e) {
      return unavailable(requestId, e);
    } catch (BackendException.MissingResource e) {
      // The table or queue is gone (a stack being recreated, an emulator restarted): nothing the
      // client did wrong, and a retry can succeed once it is back. Loud, as an operator must act.
      log.error("request {}: the job table or work queue does not exist: {}", requestId, e.getMessage());
      return unavailable(requestId);
    } catch (RuntimeException e) {
      return internalError(requestId, e);
    }
  }

  private static ApiResponse unavailable(String requestId, RuntimeException e) {
    log.warn("request {}: storage or queue unavailable: {}", requestId, e.toString());
    return unavailable(requestId);
  }

  private static ApiResponse unavailable(String requestId) {
    return Problem.of(503, "the job store or queue is unavailable; retry after " + RETRY_AFTER_SECONDS + " seconds",
            requestId)
        .response(Map.of("Retry-After", RETRY_AFTER_SECONDS));
  }

  private static ApiResponse internalError(String requestId, RuntimeException e) {
    log.error("request {}: internal error", requestId, e);
    return Problem.of(500, "something went wrong on our side; quote request id " + requestId, requestId).response();
  }
}
