package dev.hndeepest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.request.InvalidRequestException;
import dev.hndeepest.request.WindowRequestParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobSubmissionTest {
  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
  private final InMemoryJobStore store = new InMemoryJobStore();
  private final RecordingWorkQueue queue = new RecordingWorkQueue();
  private final JobSubmission submission = new JobSubmission(store, queue, Clock.fixed(NOW, ZoneOffset.UTC));
  private final WindowRequestParser parser = new WindowRequestParser(720);

  /** The question validated as the API validates it, then submitted. */
  private JobSubmission.Submitted submit(String hours, Optional<String> idempotencyKey) {
    return submission.submit(parser.parse(hours, null, NOW), idempotencyKey);
  }

  @Test
  void submit_shouldStorePendingJobAndQueueDiscovery_whenRequestIsValid() {
    var submitted = submit("24", Optional.empty());

    var job = submitted.job();
    assertThat(submitted.replayed()).isFalse();
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.request().asOf()).isEqualTo(NOW.getEpochSecond());
    assertThat(store.find(job.id())).contains(job);
    assertThat(queue.sent()).containsExactly(new WorkMessage.DiscoverPosts(job.id()));
  }

  @Test
  void submit_shouldWriteAndSendNothing_whenHoursInvalid() {
    assertThatThrownBy(() -> submit("abc", Optional.empty()))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(store.jobCount()).isZero();
    assertThat(store.writes()).isZero();
    assertThat(queue.sent()).isEmpty();
  }

  @Test
  void submit_shouldWriteAndSendNothing_whenIdempotencyKeyMalformed() {
    assertThatThrownBy(() -> submit("1", Optional.of("has space")))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(store.jobCount()).isZero();
    assertThat(queue.sent()).isEmpty();
  }

  @Test
  void submit_shouldReturnSameJob_whenIdempotencyKeyRepeated() {
    var first = submit("6", Optional.of("key-1"));
    var second = submit("6", Optional.of("key-1"));

    assertThat(second.replayed()).isTrue();
    assertThat(second.job().id()).isEqualTo(first.job().id());
    assertThat(store.jobCount()).isEqualTo(1);
    assertThat(queue.sent()).hasSize(1);
  }

  @Test
  void submit_shouldRejectKey_whenReusedForOtherParameters() {
    submit("6", Optional.of("key-2"));

    assertThatThrownBy(() -> submit("7", Optional.of("key-2")))
        .isInstanceOf(IdempotencyKeyConflictException.class);
    assertThat(store.jobCount()).isEqualTo(1);
    assertThat(queue.sent()).hasSize(1);
  }

  @Test
  void submit_shouldLeaveNothingBehind_whenQueueRefusesDiscovery() {
    // GIVEN a queue that refuses, then recovers
    queue.failWith(new IllegalStateException("queue down"));

    // WHEN the client submits with a key, gets the error, and retries with the same key
    assertThatThrownBy(() -> submit("1", Optional.of("retry-me")))
        .hasMessage("queue down");
    var jobsAfterFailure = store.jobCount();
    queue.failWith(null);
    var retried = submit("1", Optional.of("retry-me"));

    // THEN the failed attempt left no job, and the retry made a fresh one that was queued
    assertThat(jobsAfterFailure).isZero();
    assertThat(retried.replayed()).isFalse();
    assertThat(store.allJobs()).singleElement().extracting(Job::status).isEqualTo(JobStatus.PENDING);
    assertThat(queue.sent()).containsExactly(new WorkMessage.DiscoverPosts(retried.job().id()));
  }
}
