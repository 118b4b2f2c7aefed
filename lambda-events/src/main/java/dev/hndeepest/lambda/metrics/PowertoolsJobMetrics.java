package dev.hndeepest.lambda.metrics;

import dev.hndeepest.config.Environment;
import dev.hndeepest.job.Job;
import dev.hndeepest.job.JobMetrics;
import dev.hndeepest.job.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The functions' {@link JobMetrics}: Powertools metrics, the names and units of docs/DESIGN.md
 * ("Metrics"), in the namespace {@code POWERTOOLS_METRICS_NAMESPACE} with the one dimension
 * {@code service}. What an invocation counts is kept until {@link #flush()}, which the handler calls
 * at its end: one EMF line per invocation. Thread-safe, since a worker's messages run concurrently.
 */
public final class PowertoolsJobMetrics implements JobMetrics {
  private final String namespace;
  private final String service;
  private final FunctionLogEnvironment environment;
  private final List<DataPoint> pending = new ArrayList<>();

  private record DataPoint(String name, double value, MetricUnit unit) {}

  PowertoolsJobMetrics(String namespace, String service, FunctionLogEnvironment environment) {
    this.namespace = namespace;
    this.service = service;
    this.environment = environment;
  }

  /** From the function's environment, as template.yaml's {@code Globals} give it. */
  public static PowertoolsJobMetrics from(Environment env) {
    return new PowertoolsJobMetrics(env.requiredText("POWERTOOLS_METRICS_NAMESPACE"),
        env.requiredText("POWERTOOLS_SERVICE_NAME"), FunctionLogEnvironment.of(env));
  }

  @Override
  public void jobSubmitted() {
    add("JobsSubmitted", 1, MetricUnit.COUNT);
  }

  @Override
  public void jobReused() {
    add("JobsReused", 1, MetricUnit.COUNT);
  }

  @Override
  public void jobEnded(Job job, Instant endedAt) {
    String outcome = switch (job.status()) {
      case SUCCEEDED -> "JobsSucceeded";
      case FAILED -> "JobsFailed";
      case CANCELLED -> "JobsCancelled";
      case PENDING, RUNNING -> throw new IllegalArgumentException("job " + job.id() + " has not ended: " + job.status());
    };
    add(outcome, 1, MetricUnit.COUNT);
    add("JobDuration", Math.max(0, Duration.between(job.createdAt(), endedAt).toMillis()) / 1000.0, MetricUnit.SECONDS);
    if (job.status() == JobStatus.SUCCEEDED && job.result() != null && job.result().postId() != null) {
      add("AnswerDepth", job.result().depth(), MetricUnit.NONE);
      add("AnswerComments", job.result().comments(), MetricUnit.COUNT);
    }
  }

  @Override
  public void hnTraffic(long requests, long retries, long giveUps) {
    add("HnRequests", requests, MetricUnit.COUNT);
    add("HnRetries", retries, MetricUnit.COUNT);
    add("HnGiveUps", giveUps, MetricUnit.COUNT);
  }

  @Override
  public void messageProcessed() {
    add("MessagesProcessed", 1, MetricUnit.COUNT);
  }

  @Override
  public void batchMeasured() {
    add("BatchesMeasured", 1, MetricUnit.COUNT);
  }

  private synchronized void add(String name, double value, MetricUnit unit) {
    pending.add(new DataPoint(name, value, unit));
  }

  /** Drops what was counted since the last flush: the SnapStart warm-up's work is not the function's. */
  public synchronized void discardPending() {
    pending.clear();
  }

  /** Writes what this invocation counted as one EMF line (none when it counted nothing) and starts afresh. */
  public void flush() {
    List<DataPoint> points;
    synchronized (this) {
      points = List.copyOf(pending);
      pending.clear();
    }
    if (points.isEmpty()) {
      return;
    }
    Metrics metrics = environment.newMetrics();
    metrics.setNamespace(namespace);
    metrics.setDefaultDimensions(DimensionSet.of("service", service));
    points.forEach(point -> metrics.addMetric(point.name(), point.value(), point.unit()));
    metrics.flush();
  }
}
