package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.job.IdempotencyKey;
import dev.hndeepest.job.Job;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobStore;
import dev.hndeepest.job.dynamo.DynamoJobStore;
import dev.hndeepest.request.WindowRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.job.BatchOutcome;
import dev.hndeepest.job.JobPlan;
import dev.hndeepest.job.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// Starts a real moto_server (MotoFixture): the DynamoDB job store's idempotency, discard, window reuse
// (simultaneous submits included) and cancellation.
class DynamoJobStoreIT {
  private static MotoFixture moto;
  private static DynamoJobStore store;
  private static String tableName;

  @BeforeAll
  static void start() {
    moto = MotoFixture.start();
    var resources = moto.freshResources(Duration.ofSeconds(30));
    tableName = resources.tableName("JobsTable");
    store = new DynamoJobStore(moto.dynamoDb, tableName, Duration.ofDays(7), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  /** A window of its own per test, so no test reuses another's job. */
  private static final AtomicLong NEXT_AS_OF = new AtomicLong(Instant.now().getEpochSecond() - 86_400);

  private static Job newJob() {
    return jobFor(new WindowRequest(6, NEXT_AS_OF.getAndAdd(60), false));
  }

  private static Job jobFor(WindowRequest window) {
    return Job.submitted(JobId.random(), window, Instant.now());
  }

  @Test
  void create_shouldReturnTheFirstJob_whenTheKeyIsUsedAgain() {
    var key = Optional.of(new IdempotencyKey("it-key-1", "hours=6;asOf=now"));
    var first = newJob();

    var created = store.create(first, key);
    var again = store.create(newJob(), key);

    assertThat(created).isInstanceOf(JobStore.CreateOutcome.Created.class);
    assertThat(again).isInstanceOf(JobStore.CreateOutcome.AlreadyExists.class);
    assertThat(again.job().id()).isEqualTo(first.id());
  }

  @Test
  void discard_shouldRemoveJobAndFreeItsKey_whenTheJobWasNeverQueued() {
    var key = Optional.of(new IdempotencyKey("it-key-2", "hours=6;asOf=now"));
    var job = newJob();
    store.create(job, key);

    store.discard(job, key);
    var retry = store.create(newJob(), key);

    assertThat(store.find(job.id())).isEmpty();
    assertThat(retry).isInstanceOf(JobStore.CreateOutcome.Created.class);
    assertThat(store.find(retry.job().id())).isPresent();
  }

  @Test
  void create_shouldReturnTheWindowsJob_whenTheSameWindowIsAskedAgain() {
    var first = newJob();
    store.create(first, Optional.empty());

    var again = store.create(jobFor(first.request()), Optional.empty());

    assertThat(again).isInstanceOf(JobStore.CreateOutcome.Reused.class);
    assertThat(again.job().id()).isEqualTo(first.id());
  }

  @Test
  void create_shouldMakeOneJob_whenEightSubmitsOfOneWindowRaceEachOther() throws Exception {
    // GIVEN eight submissions of the same window, released at once
    var window = newJob().request();
    var start = new CountDownLatch(1);
    var outcomes = new java.util.ArrayList<java.util.concurrent.Future<JobStore.CreateOutcome>>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        outcomes.add(pool.submit(() -> {
          start.await();
          return store.create(jobFor(window), Optional.empty());
        }));
      }
      start.countDown();
      var results = new java.util.ArrayList<JobStore.CreateOutcome>();
      for (var outcome : outcomes) {
        results.add(outcome.get());
      }

      // THEN exactly one created a job, the other seven got that job, and no other job item exists
      var created = results.stream().filter(r -> r instanceof JobStore.CreateOutcome.Created).toList();
      assertThat(created).hasSize(1);
      var winner = created.getFirst().job().id();
      assertThat(results).allSatisfy(r -> assertThat(r.job().id()).isEqualTo(winner));
      assertThat(results.stream().filter(r -> r instanceof JobStore.CreateOutcome.Reused)).hasSize(7);
    }
  }

  @Test
  void create_shouldMakeANewJob_whenTheWindowsJobFailedOrWasCancelled() {
    var failed = newJob();
    store.create(failed, Optional.empty());
    store.fail(failed.id(), "the HN API was down");
    var cancelled = jobFor(failed.request());

    var afterFailure = store.create(cancelled, Optional.empty());
    store.cancel(cancelled.id());
    var afterCancel = store.create(jobFor(failed.request()), Optional.empty());
    var reusedAgain = store.create(jobFor(failed.request()), Optional.empty());

    assertThat(afterFailure).isInstanceOf(JobStore.CreateOutcome.Created.class);
    assertThat(afterCancel).isInstanceOf(JobStore.CreateOutcome.Created.class);
    assertThat(afterCancel.job().id()).isNotIn(failed.id(), cancelled.id());
    assertThat(reusedAgain).isInstanceOf(JobStore.CreateOutcome.Reused.class);
    assertThat(reusedAgain.job().id()).isEqualTo(afterCancel.job().id());
  }

  @Test
  void create_shouldMakeANewJob_whenTheWindowsJobHasExpired() {
    // GIVEN a window's job, and a store whose clock is past that job's expiry (TTL deletion lags)
    var old = newJob();
    store.create(old, Optional.empty());
    var later = new DynamoJobStore(moto.dynamoDb, tableName, Duration.ofDays(7),
        Clock.offset(Clock.systemUTC(), Duration.ofDays(8)));

    var outcome = later.create(jobFor(old.request()), Optional.empty());

    assertThat(outcome).isInstanceOf(JobStore.CreateOutcome.Created.class);
    assertThat(outcome.job().id()).isNotEqualTo(old.id());
  }

  @Test
  void create_shouldReplayTheReusedJob_whenItsNewKeyIsUsedAgain() {
    var first = newJob();
    store.create(first, Optional.empty());
    var key = Optional.of(new IdempotencyKey("it-key-3", "hours=6;asOf=now"));

    var reused = store.create(jobFor(first.request()), key);
    var replayed = store.create(newJob(), key);

    assertThat(reused).isInstanceOf(JobStore.CreateOutcome.Reused.class);
    assertThat(replayed).isInstanceOf(JobStore.CreateOutcome.AlreadyExists.class);
    assertThat(replayed.job().id()).isEqualTo(first.id());
  }

  @Test
  void cancel_shouldEndTheJobOnce_andLetNothingBeWrittenForItAfter() {
    // GIVEN a running job
    var job = newJob();
    store.create(job, Optional.empty());
    store.markRunning(job.id(), JobPlan.ofPosts(1, 1, 0));

    // WHEN it is cancelled, cancelled again, and then its batch and its result arrive
    boolean first = store.cancel(job.id());
    boolean second = store.cancel(job.id());
    var record = store.recordBatch(job.id(), new BatchOutcome(0, null, 1, 3, 0, ItemSource.CUSTOM));
    boolean completed = store.complete(job.id(), DeepestThreadResult.of(null, job.request().window(), 1, 3, ItemSource.CUSTOM));
    boolean failed = store.fail(job.id(), "late failure");

    // THEN only the first cancel changed it, and no partial, result or error was written
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(record).isEqualTo(JobStore.BatchRecord.JOB_NOT_RUNNING);
    assertThat(store.partials(job.id())).isEmpty();
    assertThat(completed).isFalse();
    assertThat(failed).isFalse();
    var stored = store.find(job.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(stored.result()).isNull();
    assertThat(stored.error()).isNull();
    assertThat(stored.batchesDone()).isZero();
  }

  @Test
  void cancel_shouldChangeNothing_whenTheJobIsUnknownOrFinished() {
    var job = newJob();
    store.create(job, Optional.empty());
    store.markRunning(job.id(), JobPlan.ofPosts(0, 0, 0));
    store.complete(job.id(), DeepestThreadResult.of(null, job.request().window(), 0, 0, ItemSource.CUSTOM));

    assertThat(store.cancel(JobId.random())).isFalse();
    assertThat(store.cancel(job.id())).isFalse();
    assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
  }
}
