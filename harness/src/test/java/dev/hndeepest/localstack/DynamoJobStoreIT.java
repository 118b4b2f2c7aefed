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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// Starts a real moto_server (MotoFixture): the DynamoDB job store's idempotency and discard.
class DynamoJobStoreIT {
  private static MotoFixture moto;
  private static DynamoJobStore store;

  @BeforeAll
  static void start() {
    moto = MotoFixture.start();
    var resources = moto.freshResources(Duration.ofSeconds(30));
    store = new DynamoJobStore(moto.dynamoDb, resources.tableName("JobsTable"), Duration.ofDays(7), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  private static Job newJob() {
    return Job.submitted(JobId.random(), new WindowRequest(6, Instant.now().getEpochSecond(), false), Instant.now());
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

    store.discard(job.id(), key);
    var retry = store.create(newJob(), key);

    assertThat(store.find(job.id())).isEmpty();
    assertThat(retry).isInstanceOf(JobStore.CreateOutcome.Created.class);
    assertThat(store.find(retry.job().id())).isPresent();
  }
}
