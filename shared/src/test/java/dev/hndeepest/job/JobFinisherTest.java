package dev.hndeepest.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.request.WindowRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobFinisherTest {
  private static final Instant SUBMITTED = Instant.parse("2025-06-10T12:00:00Z");
  private static final Duration STALL = Duration.ofHours(1);
  private final InMemoryJobStore store = new InMemoryJobStore();

  private JobId runningJob() {
    var job = Job.submitted(JobId.random(), new WindowRequest(24, SUBMITTED.getEpochSecond(), false), SUBMITTED);
    store.create(job, Optional.empty());
    store.markRunning(job.id(), JobPlan.ofPosts(10, 2, 0));
    return job.id();
  }

  private JobFinisher queryAt(Instant now) {
    return new JobFinisher(store, Clock.fixed(now, ZoneOffset.UTC), STALL);
  }

  @Test
  void status_shouldFailJobWithReason_whenNoProgressForLongerThanTheStallTimeout() {
    var id = runningJob();

    var job = queryAt(SUBMITTED.plus(STALL).plusSeconds(1)).status(id);

    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(job.error()).contains("no progress for 60 minutes").contains("dead-letter queue");
  }

  @Test
  void status_shouldKeepJobRunning_whenWithinTheStallTimeout() {
    var id = runningJob();

    var job = queryAt(SUBMITTED.plus(STALL)).status(id);

    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.error()).isNull();
  }

  @Test
  void status_shouldNotTouchFinishedJob_whenItIsOld() {
    var id = runningJob();
    store.fail(id, "original reason");

    var job = queryAt(SUBMITTED.plus(Duration.ofDays(3))).status(id);

    assertThat(job.error()).isEqualTo("original reason");
  }
}
