package dev.hndeepest.job.dynamo;

import static dev.hndeepest.job.dynamo.JobItemMapper.*;

import dev.hndeepest.answer.DeepestThreadResult;
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
      var putJob = Put.builder()
          .tableName(tableName)
          .item(toJobItem(job, expiresAt(job)))
          .conditionExpression("attribute_not_exists(#pk)")
          .expressionAttributeNames(Map.of("#pk", PK))
          .build();
      var writes = new ArrayList<TransactWriteItem>();
      writes.add(TransactWriteItem.builder().put(putJob).build());
      idempotencyKey.ifPresent(key -> writes.add(TransactWriteItem.builder().put(putKey(job, key)).build()));
      try {
        dynamoDb.transactWriteItems(request -> request.transactItems(writes));
        return new CreateOutcome.Created(job);
      } catch (TransactionCanceledException e) {
        if (idempotencyKey.isPresent() && failedCondition(e, 1)) {
          return new CreateOutcome.AlreadyExists(jobOfKey(idempotencyKey.get()));
        }
        throw e;
      }
    });
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
  public Job complete(JobId id, DeepestThreadResult result) {
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
      } catch (ConditionalCheckFailedException e) {
        // Someone else completed (or failed) it first; their write stands.
      }
      return find(id).orElseThrow(() -> new JobNotFoundException(id));
    });
  }

  @Override
  public void discard(JobId id, Optional<IdempotencyKey> idempotencyKey) {
    AwsFailures.run(() -> {
      var deletes = new ArrayList<TransactWriteItem>();
      deletes.add(TransactWriteItem.builder().delete(d -> d.tableName(tableName).key(jobKey(id))).build());
      idempotencyKey.ifPresent(key -> deletes.add(TransactWriteItem.builder()
          .delete(d -> d.tableName(tableName).key(idempotencyKey(key.hash()))).build()));
      dynamoDb.transactWriteItems(request -> request.transactItems(deletes));
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

  private long expiresAt(Job job) {
    return job.createdAt().plus(ttl).getEpochSecond();
  }

  private static boolean failedCondition(TransactionCanceledException e, int index) {
    List<CancellationReason> reasons = e.cancellationReasons();
    return reasons != null && reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
  }
}
