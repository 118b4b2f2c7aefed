package dev.hndeepest.job.dynamo;

import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.depth.MeasuredPost;
import dev.hndeepest.job.BatchOutcome;
import dev.hndeepest.job.IdRangePlan;
import dev.hndeepest.job.Job;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobStatus;
import dev.hndeepest.json.Json;
import dev.hndeepest.request.WindowRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Owns the single table's layout: keys and attribute names of the job item, the partial-maximum
 * items and the idempotency-key items. No other main code names an attribute; template.yaml
 * declares the same key ({@code pk}, {@code sk}) and TTL ({@code expiresAt}) attributes.
 *
 * <pre>
 *   pk = JOB#{id}          sk = JOB         the job (with its id-range plan, when it has one)
 *   pk = JOB#{id}          sk = BATCH#{n}   one partial maximum per work batch
 *   pk = IDEMPOTENCY#{sha} sk = KEY         an Idempotency-Key and the job it created
 * </pre>
 */
final class JobItemMapper {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String JOB_SK = "JOB";
  static final String BATCH_SK_PREFIX = "BATCH#";
  static final String KEY_SK = "KEY";

  static final String JOB_ID = "jobId";
  static final String STATUS = "status";
  static final String HOURS = "hours";
  static final String AS_OF = "asOf";
  static final String AS_OF_GIVEN = "asOfGiven";
  static final String CREATED_AT = "createdAt";
  static final String UPDATED_AT = "updatedAt";
  // Attribute names from before "post" was the word: kept, so stored jobs and partials stay readable.
  static final String POSTS_TOTAL = "storiesTotal";
  static final String POSTS_DONE = "storiesDone";
  static final String BATCHES_TOTAL = "batchesTotal";
  static final String BATCHES_DONE = "batchesDone";
  static final String DISCOVERY_ITEMS = "discoveryItemsFetched";
  static final String SCAN_FIRST_ID = "scanFirstId";
  static final String SCAN_END_ID = "scanEndId";
  static final String SCAN_IDS_PER_BATCH = "scanIdsPerBatch";
  static final String SCAN_READS_ABOVE = "scanDiscoveryReadsAbove";
  static final String RESULT = "result";
  static final String ERROR = "error";
  static final String EXPIRES_AT = "expiresAt";
  static final String BATCH_INDEX = "batch";
  static final String BEST = "best";
  static final String POST_COUNT = "storyCount";
  static final String POSTS_FOUND = "storiesFound";
  static final String ITEMS_FETCHED = "itemsFetched";
  static final String FINGERPRINT = "fingerprint";
  static final String SOURCE = "source";

  private JobItemMapper() {}

  static Map<String, AttributeValue> jobKey(JobId id) {
    return Map.of(PK, s(jobPk(id)), SK, s(JOB_SK));
  }

  static String jobPk(JobId id) {
    return "JOB#" + id.value();
  }

  static Map<String, AttributeValue> idempotencyKey(String keyHash) {
    return Map.of(PK, s("IDEMPOTENCY#" + keyHash), SK, s(KEY_SK));
  }

  static Map<String, AttributeValue> toJobItem(Job job, long expiresAt) {
    var item = new HashMap<>(jobKey(job.id()));
    item.put(JOB_ID, s(job.id().value()));
    item.put(STATUS, s(job.status().name()));
    item.put(HOURS, n(job.request().hours()));
    item.put(AS_OF, n(job.request().asOf()));
    item.put(AS_OF_GIVEN, AttributeValue.fromBool(job.request().asOfGiven()));
    item.put(CREATED_AT, s(job.createdAt().toString()));
    item.put(UPDATED_AT, s(job.updatedAt().toString()));
    item.put(POSTS_TOTAL, n(job.postsTotal()));
    item.put(POSTS_DONE, n(job.postsDone()));
    item.put(BATCHES_TOTAL, n(job.batchesTotal()));
    item.put(BATCHES_DONE, n(job.batchesDone()));
    item.put(DISCOVERY_ITEMS, n(job.discoveryItemsFetched()));
    if (job.idRangePlan() != null) {
      item.putAll(toPlanAttributes(job.idRangePlan()));
    }
    item.put(EXPIRES_AT, n(expiresAt));
    return item;
  }

  static Job toJob(Map<String, AttributeValue> item) {
    return new Job(
        new JobId(item.get(JOB_ID).s()),
        JobStatus.valueOf(item.get(STATUS).s()),
        new WindowRequest(intOf(item, HOURS), longOf(item, AS_OF), item.get(AS_OF_GIVEN).bool()),
        Instant.parse(item.get(CREATED_AT).s()),
        Instant.parse(item.get(UPDATED_AT).s()),
        intOf(item, POSTS_TOTAL),
        intOf(item, POSTS_DONE),
        intOf(item, BATCHES_TOTAL),
        intOf(item, BATCHES_DONE),
        longOf(item, DISCOVERY_ITEMS),
        item.containsKey(SCAN_FIRST_ID)
            ? new IdRangePlan(longOf(item, SCAN_FIRST_ID), longOf(item, SCAN_END_ID), intOf(item, SCAN_IDS_PER_BATCH),
                item.containsKey(SCAN_READS_ABOVE)
                    ? item.get(SCAN_READS_ABOVE).ns().stream().map(Long::parseLong).sorted().toList()
                    : List.of())
            : null,
        item.containsKey(RESULT) ? Json.read(item.get(RESULT).s(), DeepestThreadResult.class) : null,
        item.containsKey(ERROR) ? item.get(ERROR).s() : null);
  }

  static Map<String, AttributeValue> toBatchItem(JobId id, BatchOutcome outcome, long expiresAt) {
    var item = new HashMap<String, AttributeValue>();
    item.put(PK, s(jobPk(id)));
    item.put(SK, s(batchSk(outcome.batchIndex())));
    item.put(BATCH_INDEX, n(outcome.batchIndex()));
    item.put(POST_COUNT, n(outcome.postCount()));
    item.put(POSTS_FOUND, n(outcome.postsFound()));
    item.put(ITEMS_FETCHED, n(outcome.itemsFetched()));
    item.put(EXPIRES_AT, n(expiresAt));
    if (outcome.source() != null) {
      item.put(SOURCE, s(outcome.source().label()));
    }
    if (outcome.best() != null) {
      item.put(BEST, s(Json.write(outcome.best())));
    }
    return item;
  }

  static BatchOutcome toBatchOutcome(Map<String, AttributeValue> item) {
    return new BatchOutcome(
        intOf(item, BATCH_INDEX),
        item.containsKey(BEST) ? Json.read(item.get(BEST).s(), MeasuredPost.class) : null,
        intOf(item, POST_COUNT),
        longOf(item, ITEMS_FETCHED),
        item.containsKey(POSTS_FOUND) ? intOf(item, POSTS_FOUND) : 0,
        item.containsKey(SOURCE) ? ItemSource.ofLabel(item.get(SOURCE).s()) : null);
  }

  /** The plan's attributes on the job item, as {@code SET} values or a whole item's. */
  static Map<String, AttributeValue> toPlanAttributes(IdRangePlan plan) {
    var attributes = new HashMap<>(Map.of(SCAN_FIRST_ID, n(plan.firstId()), SCAN_END_ID, n(plan.endExclusive()),
        SCAN_IDS_PER_BATCH, n(plan.idsPerBatch())));
    // A number set can't be empty: no reads above the range, no attribute.
    if (!plan.discoveryReadsAbove().isEmpty()) {
      attributes.put(SCAN_READS_ABOVE,
          AttributeValue.fromNs(plan.discoveryReadsAbove().stream().map(String::valueOf).toList()));
    }
    return attributes;
  }

  static String batchSk(int batchIndex) {
    return BATCH_SK_PREFIX + "%06d".formatted(batchIndex);
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static int intOf(Map<String, AttributeValue> item, String name) {
    return Integer.parseInt(item.get(name).n());
  }

  private static long longOf(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }
}
