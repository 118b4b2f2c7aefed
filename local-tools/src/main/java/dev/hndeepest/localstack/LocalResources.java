package dev.hndeepest.localstack;

import dev.hndeepest.config.AppConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates, idempotently, in an emulator, the resources {@code template.yaml} defines for the job
 * API: the jobs table ({@code pk}/{@code sk} strings, on-demand, TTL on {@code expiresAt}) and the
 * work queue with its dead-letter queue and redrive policy. Existing resources are converged to
 * the wanted settings rather than refused, so a long-lived emulator can be reused.
 */
public final class LocalResources {
  /** The region the local stack claims; moto and LocalStack accept any. */
  public static final String REGION = "us-east-1";
  public static final String PARTITION_KEY = "pk";
  public static final String SORT_KEY = "sk";
  public static final String TTL_ATTRIBUTE = "expiresAt";
  private static final String DLQ_RETENTION_SECONDS = String.valueOf(Duration.ofDays(14).toSeconds());
  private static final Duration TABLE_ACTIVE_DEADLINE = Duration.ofSeconds(30);

  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;

  public LocalResources(DynamoDbClient dynamoDb, SqsClient sqs) {
    this.dynamoDb = dynamoDb;
    this.sqs = sqs;
  }

  /** {@code base} with its AWS endpoint and region pointed at the emulator; resource names unset. */
  public static AppConfig targeting(AppConfig base, URI endpoint) {
    return base.withAwsEndpoint(endpoint, REGION).withResources(null, null);
  }

  /**
   * Creates or converges the table and queues named by {@code names}; the redrive policy's
   * {@code maxReceiveCount} is {@code emulatorConfig.maxReceiveCount()}, as in the template.
   *
   * @return {@code emulatorConfig} with the table name and queue URL filled in, and the DLQ
   */
  public ProvisionedResources provision(AppConfig emulatorConfig, ResourceNames names, Duration visibilityTimeout) {
    if (visibilityTimeout.isNegative() || visibilityTimeout.toSeconds() > 43_200
        || visibilityTimeout.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException(
          "visibility timeout must be whole seconds from 0 to 43200, got " + visibilityTimeout);
    }
    ensureTable(names.jobsTable());
    var deadLetterQueueUrl = ensureQueue(names.deadLetterQueue(),
        Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, DLQ_RETENTION_SECONDS));
    var deadLetterQueueArn = queueArn(deadLetterQueueUrl);
    var redrivePolicy = "{\"deadLetterTargetArn\":\"" + deadLetterQueueArn + "\",\"maxReceiveCount\":\""
        + emulatorConfig.maxReceiveCount() + "\"}";
    var workQueueUrl = ensureQueue(names.workQueue(), Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(visibilityTimeout.toSeconds()),
        QueueAttributeName.REDRIVE_POLICY, redrivePolicy));
    var config = emulatorConfig.withResources(names.jobsTable(), workQueueUrl);
    return new ProvisionedResources(config, queueArn(workQueueUrl), deadLetterQueueUrl, deadLetterQueueArn);
  }

  private void ensureTable(String tableName) {
    var existing = describeTable(tableName);
    if (existing.isEmpty()) {
      try {
        dynamoDb.createTable(request -> request
            .tableName(tableName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                AttributeDefinition.builder().attributeName(PARTITION_KEY).attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName(SORT_KEY).attributeType(ScalarAttributeType.S).build())
            .keySchema(
                KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(SORT_KEY).keyType(KeyType.RANGE).build()));
      } catch (ResourceInUseException createdMeanwhile) {
        // Another process provisioned the same table first: use it.
      }
    } else {
      requireJobsKeySchema(existing.get());
    }
    awaitActive(tableName);
    ensureTimeToLive(tableName);
  }

  private Optional<TableDescription> describeTable(String tableName) {
    try {
      return Optional.of(dynamoDb.describeTable(request -> request.tableName(tableName)).table());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private static void requireJobsKeySchema(TableDescription table) {
    var wanted = List.of(
        KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.HASH).build(),
        KeySchemaElement.builder().attributeName(SORT_KEY).keyType(KeyType.RANGE).build());
    if (!table.keySchema().equals(wanted)) {
      throw new IllegalStateException("table " + table.tableName() + " exists with key schema "
          + table.keySchema() + ", not pk (HASH) + sk (RANGE); delete it or pick another prefix");
    }
  }

  private void awaitActive(String tableName) {
    var deadline = System.nanoTime() + TABLE_ACTIVE_DEADLINE.toNanos();
    while (true) {
      var status = describeTable(tableName).map(TableDescription::tableStatus).orElse(null);
      if (status == TableStatus.ACTIVE) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("table " + tableName + " is not ACTIVE after "
            + TABLE_ACTIVE_DEADLINE + " (status " + status + ")");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
      }
    }
  }

  private void ensureTimeToLive(String tableName) {
    var current = dynamoDb.describeTimeToLive(request -> request.tableName(tableName)).timeToLiveDescription();
    var status = current == null ? null : current.timeToLiveStatus();
    boolean on = status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
    if (on && TTL_ATTRIBUTE.equals(current.attributeName())) {
      return;
    }
    if (on) {
      throw new IllegalStateException("table " + tableName + " has TTL on " + current.attributeName()
          + ", not " + TTL_ATTRIBUTE + "; delete it or pick another prefix");
    }
    dynamoDb.updateTimeToLive(request -> request
        .tableName(tableName)
        .timeToLiveSpecification(spec -> spec.attributeName(TTL_ATTRIBUTE).enabled(true)));
  }

  /** Creates the queue, or sets the wanted attributes on the one that exists. */
  private String ensureQueue(String queueName, Map<QueueAttributeName, String> attributes) {
    try {
      var url = sqs.getQueueUrl(request -> request.queueName(queueName)).queueUrl();
      sqs.setQueueAttributes(request -> request.queueUrl(url).attributes(attributes));
      return url;
    } catch (QueueDoesNotExistException e) {
      return sqs.createQueue(request -> request.queueName(queueName).attributes(attributes)).queueUrl();
    }
  }

  private String queueArn(String queueUrl) {
    return sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }
}
