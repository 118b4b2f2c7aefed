package dev.hndeepest.job;

import java.time.Instant;

/**
 * The port for the business metrics of docs/DESIGN.md ("Metrics"): what the job services count, in
 * domain terms. The functions' adapter turns each call into EMF data points; none of it may fail a job.
 */
public interface JobMetrics {

  /** {@code POST /jobs} created a job (not a replay, not a reuse). */
  void jobSubmitted();

  /** {@code POST /jobs} answered with an existing job of the same window. */
  void jobReused();

  /**
   * This call moved the job to its end ({@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}): its
   * outcome, its duration from {@code createdAt} to {@code endedAt} and, for an answer with a post, its
   * depth and comments.
   */
  void jobEnded(Job job, Instant endedAt);

  /** One worker invocation's HN traffic: requests made (retries included), retried, and deliveries that gave up. */
  void hnTraffic(long requests, long retries, long giveUps);

  /** A work message was handled and is deleted (not reported as a failure). */
  void messageProcessed();

  /** A batch's partial maximum was recorded for the first time. */
  void batchMeasured();
}
