package dev.hndeepest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.request.InvalidRequestException;
import dev.hndeepest.request.WindowRequestParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobSubmissionTest {
  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
  private final InMemoryJobStore store = new InMemoryJobStore();
  private final RecordingWorkQueue queue = new RecordingWorkQueue();
  private final JobSubmission submission =
      new JobSubmission(store, queue, new WindowRequestParser(720), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void submit_shouldStorePendingJobAndQueueDiscovery_whenRequestIsValid() {
    var submitted = submission.submit(List.of("24"), List.of(), Optional.empty());

    var job = submitted.job();
    assertThat(submitted.replayed()).isFalse();
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.request().asOf()).isEqualTo(NOW.getEpochSecond());
    assertThat(store.find(job.id())).contains(job);
    assertThat(queue.sent()).containsExactly(new WorkMessage.DiscoverPosts(job.id().value()));
  }

  @Test
  void submit_shouldWriteAndSendNothing_whenHoursInvalid() {
    assertThatThrownBy(() -> submission.submit(List.of("abc"), List.of(), Optional.empty()))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(store.jobCount()).isZero();
    assertThat(store.writes()).isZero();
    assertThat(queue.sent()).isEmpty();
  }

  @Test
  void submit_shouldWriteAndSendNothing_whenIdempotencyKeyMalformed() {
    assertThatThrownBy(() -> submission.submit(List.of("1"), List.of(), Optional.of("has space")))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(store.jobCount()).isZero();
    assertThat(queue.sent()).isEmpty();
  }

  @Test
  void submit_shouldReturnSameJob_whenIdempotencyKeyRepeated() {
    var first = submission.submit(List.of("6"), List.of(), Optional.of("key-1"));
    var second = submission.submit(List.of("6"), List.of(), Optional.of("key-1"));

    assertThat(second.replayed()).isTrue();
    assertThat(second.job().id()).isEqualTo(first.job().id());
    assertThat(store.jobCount()).isEqualTo(1);
    assertThat(queue.sent()).hasSize(1);
  }

  @Test
  void submit_shouldRejectKey_whenReusedForOtherParameters() {
    submission.submit(List.of("6"), List.of(), Optional.of("key-2"));

    assertThatThrownBy(() -> submission.submit(List.of("7"), List.of(), Optional.of("key-2")))
        .isInstanceOf(IdempotencyKeyConflictException.class);
    assertThat(store.jobCount()).isEqualTo(1);
    assertThat(queue.sent()).hasSize(1);
  }

  @Test
  void submit_shouldLeaveNothingBehind_whenQueueRefusesDiscovery() {
    // GIVEN a queue that refuses, then recovers
    queue.failWith(new IllegalStateException("queue down"));

    // WHEN the client submits with a key, gets the error, and retries with the same key
    assertThatThrownBy(() -> submission.submit(List.of("1"), List.of(), Optional.of("retry-me")))
        .hasMessage("queue down");
    var jobsAfterFailure = store.jobCount();
    queue.failWith(null);
    var retried = submission.submit(List.of("1"), List.of(), Optional.of("retry-me"));

    // THEN the failed attempt left no job, and the retry made a fresh one that was queued
    assertThat(jobsAfterFailure).isZero();
    assertThat(retried.replayed()).isFalse();
    assertThat(store.allJobs()).singleElement().extracting(Job::status).isEqualTo(JobStatus.PENDING);
    assertThat(queue.sent()).containsExactly(new WorkMessage.DiscoverPosts(retried.job().id().value()));
  }
}
