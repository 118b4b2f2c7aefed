package dev.hndeepest.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link JobMetrics} that remembers every call, for assertions. */
public final class RecordingJobMetrics implements JobMetrics {
  /** One job's end as recorded. */
  public record Ended(JobId id, JobStatus status, Duration duration) {}

  private int submitted;
  private int reused;
  private final List<Ended> ended = new ArrayList<>();
  private long hnRequests;
  private long hnRetries;
  private long hnGiveUps;
  private int messages;
  private int batches;

  @Override
  public synchronized void jobSubmitted() {
    submitted++;
  }

  @Override
  public synchronized void jobReused() {
    reused++;
  }

  @Override
  public synchronized void jobEnded(Job job, Instant endedAt) {
    ended.add(new Ended(job.id(), job.status(), Duration.between(job.createdAt(), endedAt)));
  }

  @Override
  public synchronized void hnTraffic(long requests, long retries, long giveUps) {
    hnRequests += requests;
    hnRetries += retries;
    hnGiveUps += giveUps;
  }

  @Override
  public synchronized void messageProcessed() {
    messages++;
  }

  @Override
  public synchronized void batchMeasured() {
    batches++;
  }

  public synchronized int submitted() {
    return submitted;
  }

  public synchronized int reused() {
    return reused;
  }

  public synchronized List<Ended> ended() {
    return List.copyOf(ended);
  }

  public synchronized long hnRequests() {
    return hnRequests;
  }

  public synchronized long hnRetries() {
    return hnRetries;
  }

  public synchronized long hnGiveUps() {
    return hnGiveUps;
  }

  public synchronized int messages() {
    return messages;
  }

  public synchronized int batches() {
    return batches;
  }
}
