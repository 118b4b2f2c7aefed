package dev.hndeepest.job.dynamo;

import static dev.hndeepest.job.dynamo.JobItemMapper.*;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.job.BackendException;
import dev.hndeepest.job.BatchOutcome;
import dev.hndeepest.job.IdempotencyKey;
import dev.hndeepest.job.IdempotencyKeyConflictException;
import dev.hndeepest.job.Job;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobNotFoundException;
import dev.hndeepest.job.JobPlan;
import dev.hndeepest.job.JobStatus;
import dev.hndeepest.job.JobStore;
import dev.hndeepest.json.Json;
import dev.hndeepest.job.aws.AwsFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The {@link JobStore} on one DynamoDB table (layout in {@link JobItemMapper}). DynamoDB's failures
 * reach callers as {@link dev.hndeepest.job.BackendException}s.
 */
public final class DynamoJobStore implements JobStore {
  /** An Idempotency-Key answers with the same job for this long (PRODUCT.md §3). */
  static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final String TRANSACTION_CONFLICT = "TransactionConflict";
  /** Tries to claim a window whose holder keeps failing or being cancelled under us before giving up. */
  private static final int WINDOW_ATTEMPTS = 4;

  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final Duration ttl;
  private final Clock clock;

  public DynamoJobStore(DynamoDbClient dynamoDb, String tableName, Duration ttl, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public CreateOutcome create(Job job, Optional<IdempotencyKey> idempotencyKey) {
    return AwsFailures.call(() -> {
      Optional<JobId> staleHolder = Optional.empty();
      for (int attempt = 0; attempt < WINDOW_ATTEMPTS; attempt++) {
        var writes = new ArrayList<TransactWriteItem>();
        writes.add(TransactWriteItem.builder().put(putJob(job)).build());
        writes.add(TransactWriteItem.builder().put(claimWindow(job, staleHolder)).build());
        idempotencyKey.ifPresent(key -> writes.add(TransactWriteItem.builder().put(putKey(job, key)).build()));
        try {
          dynamoDb.transactWriteItems(request -> request.transactItems(writes));
          return new CreateOutcome.Created(job);
        } catch (TransactionCanceledException e) {
          if (idempotencyKey.isPresent() && failedCondition(e, 2)) {
            return new CreateOutcome.AlreadyExists(jobOfKey(idempotencyKey.get()));
          }
          if (conflicted(e)) {
            continue; // a simultaneous transaction on the same window: read the outcome on the next try
          }
          if (!failedCondition(e, 1)) {
            throw e;
          }
        }
        // The window is claimed: by a job that still answers it, or by one that failed, was cancelled or expired.
        var holder = windowHolder(job);
        if (holder.isPresent() && servesWindow(holder.get())) {
          return reuse(holder.get(), idempotencyKey);
        }
        staleHolder = holder.map(Job::id).or(() -> windowJobId(job));
      }
      throw new BackendException.Unavailable("the window hours=" + job.request().hours() + " asOf="
          + job.request().asOf() + " kept changing hands; retry", null);
    });
  }

  private Put putJob(Job job) {
    return Put.builder()
        .tableName(tableName)
        .item(toJobItem(job, expiresAt(job).getEpochSecond()))
        .conditionExpression("attribute_not_exists(#pk)")
        .expressionAttributeNames(Map.of("#pk", PK))
        .build();
  }

  /**
   * The window's item names this job: only when no job holds the window, when its holder has expired
   * (TTL deletion lags by hours), or when it still names the holder found failed or cancelled (so of
   * simultaneous takers one wins).
   */
  private Put claimWindow(Job job, Optional<JobId> staleHolder) {
    var names = new HashMap<>(Map.of("#pk", PK, "#expiresAt", EXPIRES_AT));
    var values = new HashMap<>(Map.of(":now", n(clock.instant().getEpochSecond())));
    var condition = "attribute_not_exists(#pk) OR #expiresAt < :now";
    if (staleHolder.isPresent()) {
      names.put("#jobId", JOB_ID);
      values.put(":stale", s(staleHolder.get().value()));
      condition += " OR #jobId = :stale";
    }
    return Put.builder()
        .tableName(tableName)
        .item(toWindowItem(job, expiresAt(job).getEpochSecond()))
        .conditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .build();
  }

  private Optional<JobId> windowJobId(Job job) {
    var item = dynamoDb.getItem(r -> r.tableName(tableName).key(windowKey(job.request())).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new JobId(item.get(JOB_ID).s()));
  }

  private Optional<Job> windowHolder(Job job) {
    return windowJobId(job).flatMap(this::find);
  }

  private boolean servesWindow(Job holder) {
    return holder.status().servesItsWindow() && !expiresAt(holder).isBefore(clock.instant());
  }

  /** The window's job answers; a new Idempotency-Key is stored for it, so the key replays it later. */
  private CreateOutcome reuse(Job holder, Optional<IdempotencyKey> idempotencyKey) {
    if (idempotencyKey.isEmpty()) {
      return new CreateOutcome.Reused(holder);
    }
    var put = putKey(holder, idempotencyKey.get());
    try {
      dynamoDb.putItem(r -> r.tableName(put.tableName()).item(put.item())
          .conditionExpression(put.conditionExpression())
          .expressionAttributeNames(put.expressionAttributeNames())
          .expressionAttributeValues(put.expressionAttributeValues()));
      return new CreateOutcome.Reused(holder);
    } catch (ConditionalCheckFailedException e) {
      // A simultaneous request with the same key stored it first: it names the job to replay.
      var keyed = jobOfKey(idempotencyKey.get());
      return keyed.id().equals(holder.id()) ? new CreateOutcome.Reused(holder) : new CreateOutcome.AlreadyExists(keyed);
    }
  }

  private Put putKey(Job job, IdempotencyKey key) {
    long now = clock.instant().getEpochSecond();
    var item = new HashMap<>(idempotencyKey(key.hash()));
    item.put(JOB_ID, s(job.id().value()));
    item.put(FINGERPRINT, s(key.requestFingerprint()));
    item.put(EXPIRES_AT, n(now + IDEMPOTENCY_WINDOW.toSeconds()));
    // TTL deletion lags expiry by hours, so an expired key may still be there: treat it as absent.
    return Put.builder()
        .tableName(tableName)
        .item(item)
        .conditionExpression("attribute_not_exists(#pk) OR #expiresAt < :now")
        .expressionAttributeNames(Map.of("#pk", PK, "#expiresAt", EXPIRES_AT))
        .expressionAttributeValues(Map.of(":now", n(now)))
        .build();
  }

  private Job jobOfKey(IdempotencyKey key) {
    var item = dynamoDb.getItem(r -> r.tableName(tableName).key(idempotencyKey(key.hash())).consistentRead(true)).item();
    var existing = new JobId(item.get(JOB_ID).s());
    if (!key.requestFingerprint().equals(item.get(FINGERPRINT).s())) {
      throw new IdempotencyKeyConflictException(existing);
    }
    return find(existing).orElseThrow(() -> new JobNotFoundException(existing));
  }

  @Override
  public Optional<Job> find(JobId id) {
    return AwsFailures.call(() -> {
      var item = dynamoDb.getItem(r -> r.tableName(tableName).key(jobKey(id)).consistentRead(true)).item();
      return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toJob(item));
    });
  }

  @Override
  public boolean markRunning(JobId id, JobPlan plan) {
    return AwsFailures.call(() -> {
      var names = new HashMap<>(Map.of("#pk", PK, "#status", STATUS, "#postsTotal", POSTS_TOTAL,
          "#batchesTotal", BATCHES_TOTAL, "#discovery", DISCOVERY_ITEMS, "#updatedAt", UPDATED_AT));
      var values = new HashMap<>(Map.of(
          ":running", s(JobStatus.RUNNING.name()), ":pending", s(JobStatus.PENDING.name()),
          ":posts", n(plan.postsTotal()), ":batches", n(plan.batchesTotal()),
          ":discovery", n(plan.discoveryItemsFetched()), ":now", s(clock.instant().toString())));
      var set = "SET #status = :running, #postsTotal = :posts, #batchesTotal = :batches, "
          + "#discovery = :discovery, #updatedAt = :now";
      String condition;
      if (plan.idRange().isPresent()) {
        // Every attribute of the plan, as the mapper writes it, under #name / :name.
        for (var attribute : toPlanAttributes(plan.idRange().get()).entrySet()) {
          var name = attribute.getKey();
          set += ", #" + name + " = :" + name;
          names.put("#" + name, name);
          values.put(":" + name, attribute.getValue());
        }
        condition = "attribute_exists(#pk) AND #status = :pending";
      } else {
        names.put("#scanFirst", SCAN_FIRST_ID);
        condition = "attribute_exists(#pk) AND (#status = :pending OR "
            + "(#status = :running AND #batchesTotal = :batches AND #postsTotal = :posts "
            + "AND attribute_not_exists(#scanFirst)))";
      }
      var update = set;
      try {
        dynamoDb.updateItem(r -> r.tableName(tableName).key(jobKey(id))
            .updateExpression(update)
            .conditionExpression(condition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values));
        return true;
      } catch (ConditionalCheckFailedException e) {
        return false;
      }
    });
  }

  @Override
  public BatchRecord recordBatch(JobId id, BatchOutcome outcome) {
    return AwsFailures.call(() -> {
      // Expires a little after its job (now + ttl instead of createdAt + ttl): no read needed.
      var putPartial = Put.builder()
          .tableName(tableName)
          .item(toBatchItem(id, outcome, clock.instant().plus(ttl).getEpochSecond()))
          .conditionExpression("attribute_not_exists(#pk)")
          .expressionAttributeNames(Map.of("#pk", PK))
          .build();
      var countIt = Update.builder()
          .tableName(tableName)
          .key(jobKey(id))
          .updateExpression("ADD #postsDone :posts, #postsTotal :found, #batchesDone :one SET #updatedAt = :now")
          .conditionExpression("#status = :running")
          .expressionAttributeNames(Map.of("#postsDone", POSTS_DONE, "#postsTotal", POSTS_TOTAL,
              "#batchesDone", BATCHES_DONE, "#updatedAt", UPDATED_AT, "#status", STATUS))
          .expressionAttributeValues(Map.of(":posts", n(outcome.postCount()), ":found", n(outcome.postsFound()),
              ":one", n(1), ":now", s(clock.instant().toString()), ":running", s(JobStatus.RUNNING.name())))
          .build();
      try {
        dynamoDb.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().put(putPartial).build(),
            TransactWriteItem.builder().update(countIt).build()));
        return BatchRecord.COUNTED;
      } catch (TransactionCanceledException e) {
        if (failedCondition(e, 0)) {
          return BatchRecord.DUPLICATE;
        }
        if (failedCondition(e, 1)) {
          return BatchRecord.JOB_NOT_RUNNING;
        }
        throw e;
      }
    });
  }

  @Override
  public List<BatchOutcome> partials(JobId id) {
    return AwsFailures.call(() -> {
      return dynamoDb.queryPaginator(r -> r.tableName(tableName).consistentRead(true)
              .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
              .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
              .expressionAttributeValues(Map.of(":pk", s(jobPk(id)), ":prefix", s(BATCH_SK_PREFIX))))
          .items().stream()
          .map(JobItemMapper::toBatchOutcome)
          .toList();
    });
  }

  @Override
  public boolean complete(JobId id, DeepestThreadResult result) {
    return AwsFailures.call(() -> {
      try {
        dynamoDb.updateItem(r -> r.tableName(tableName).key(jobKey(id))
            .updateExpression("SET #status = :succeeded, #result = :result, #updatedAt = :now")
            .conditionExpression("#status = :running AND #batchesDone >= #batchesTotal")
            .expressionAttributeNames(Map.of("#status", STATUS, "#result", RESULT, "#updatedAt", UPDATED_AT,
                "#batchesDone", BATCHES_DONE, "#batchesTotal", BATCHES_TOTAL))
            .expressionAttributeValues(Map.of(":succeeded", s(JobStatus.SUCCEEDED.name()),
                ":running", s(JobStatus.RUNNING.name()), ":result", s(Json.write(result)),
                ":now", s(clock.instant().toString()))));
        return true;
      } catch (ConditionalCheckFailedException e) {
        // Someone else completed, failed or cancelled it first; their write stands.
        return false;
      }
    });
  }

  @Override
  public void discard(Job job, Optional<IdempotencyKey> idempotencyKey) {
    AwsFailures.run(() -> {
      var deletes = new ArrayList<TransactWriteItem>();
      deletes.add(TransactWriteItem.builder().delete(d -> d.tableName(tableName).key(jobKey(job.id()))).build());
      idempotencyKey.ifPresent(key -> deletes.add(TransactWriteItem.builder()
          .delete(d -> d.tableName(tableName).key(idempotencyKey(key.hash()))).build()));
      dynamoDb.transactWriteItems(request -> request.transactItems(deletes));
      try {
        dynamoDb.deleteItem(d -> d.tableName(tableName).key(windowKey(job.request()))
            .conditionExpression("#jobId = :id")
            .expressionAttributeNames(Map.of("#jobId", JOB_ID))
            .expressionAttributeValues(Map.of(":id", s(job.id().value()))));
      } catch (ConditionalCheckFailedException e) {
        // The window names another job by now: that claim stands.
      }
    });
  }

  @Override
  public boolean fail(JobId id, String reason) {
    return AwsFailures.call(() -> {
      try {
        dynamoDb.updateItem(r -> r.tableName(tableName).key(jobKey(id))
            .updateExpression("SET #status = :failed, #error = :reason, #updatedAt = :now")
            .conditionExpression("#status IN (:pending, :running)")
            .expressionAttributeNames(Map.of("#status", STATUS, "#error", ERROR, "#updatedAt", UPDATED_AT))
            .expressionAttributeValues(Map.of(":failed", s(JobStatus.FAILED.name()),
                ":pending", s(JobStatus.PENDING.name()), ":running", s(JobStatus.RUNNING.name()),
                ":reason", s(reason), ":now", s(clock.instant().toString()))));
        return true;
      } catch (ConditionalCheckFailedException e) {
        return false;
      }
    });
  }

  @Override
  public boolean cancel(JobId id) {
    return AwsFailures.call(() -> {
      try {
        dynamoDb.updateItem(r -> r.tableName(tableName).key(jobKey(id))
            .updateExpression("SET #status = :cancelled, #updatedAt = :now")
            .conditionExpression("#status IN (:pending, :running)")
            .expressionAttributeNames(Map.of("#status", STATUS, "#updatedAt", UPDATED_AT))
            .expressionAttributeValues(Map.of(":cancelled", s(JobStatus.CANCELLED.name()),
                ":pending", s(JobStatus.PENDING.name()), ":running", s(JobStatus.RUNNING.name()),
                ":now", s(clock.instant().toString()))));
        return true;
      } catch (ConditionalCheckFailedException e) {
        return false;
      }
    });
  }

  private Instant expiresAt(Job job) {
    return job.createdAt().plus(ttl);
  }

  private static boolean conflicted(TransactionCanceledException e) {
    var reasons = e.cancellationReasons();
    return reasons != null && reasons.stream().anyMatch(reason -> TRANSACTION_CONFLICT.equals(reason.code()));
  }

  private static boolean failedCondition(TransactionCanceledException e, int index) {
    List<CancellationReason> reasons = e.cancellationReasons();
    return reasons != null && reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
  }
}
