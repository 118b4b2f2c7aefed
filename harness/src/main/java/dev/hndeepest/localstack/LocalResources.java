package dev.hndeepest.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.json.Json;
import dev.hndeepest.localstack.template.Intrinsics;
import dev.hndeepest.localstack.template.ResourceLookup;
import dev.hndeepest.localstack.template.StackTemplate;
import dev.hndeepest.localstack.template.UnsupportedTemplateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The template's resources in one local deployment, and what {@code Ref}/{@code Fn::GetAtt} of
 * each gives there. {@link #provision} creates every {@code AWS::DynamoDB::Table} and
 * {@code AWS::SQS::Queue} of the template in the emulator, from the template's own properties
 * (keys, billing, TTL; visibility timeout, retention, redrive policy), in the order their
 * references need (a queue's redrive policy names its dead-letter queue's ARN). Existing resources
 * of the same names are converged, so a long-lived emulator can be reused.
 *
 * <p>Physical names are {@code <stack name>-<logical id>}, where CloudFormation would add a random
 * suffix. Functions, roles, log groups and aliases are not created here; their names and ARNs are
 * what they would be in this account and region.
 */
public final class LocalResources implements ResourceLookup {
  /** The region and account the local stack claims (moto's default account). */
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT_ID = "123456789012";
  private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}");
  private static final Duration TABLE_ACTIVE_DEADLINE = Duration.ofSeconds(30);
  /** Properties the emulator cannot show a difference for; each is asserted in infra/tests instead. */
  private static final Set<String> TABLE_PROPERTIES_NOT_REPRODUCED = Set.of(
      "PointInTimeRecoverySpecification", "SSESpecification", "DeletionProtectionEnabled", "Tags",
      "ContributorInsightsSpecification");
  private static final Set<String> QUEUE_PROPERTIES_NOT_REPRODUCED = Set.of("SqsManagedSseEnabled", "Tags");
  private static final Set<String> QUEUE_ATTRIBUTES = Set.of("VisibilityTimeout", "MessageRetentionPeriod",
      "DelaySeconds", "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds");

  /** A created table or queue: its Ref and its attributes. */
  private record Created(String ref, Map<String, String> attributes) {}

  private final StackTemplate template;
  private final String stackName;
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final Intrinsics intrinsics;
  private final Map<String, Created> created = new LinkedHashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  private LocalResources(StackTemplate template, String stackName, DynamoDbClient dynamoDb, SqsClient sqs) {
    if (stackName == null || !STACK_NAME.matcher(stackName).matches()) {
      throw new IllegalArgumentException(
          "stack name must be a letter then up to 39 letters, digits or '-', got: " + stackName);
    }
    this.template = template;
    this.stackName = stackName;
    this.dynamoDb = dynamoDb;
    this.sqs = sqs;
    this.intrinsics = template.intrinsics(pseudoParameters(stackName), this);
  }

  /** Creates or converges every table and queue of the template, with clients allowed to. */
  public static LocalResources provision(StackTemplate template, String stackName, DynamoDbClient dynamoDb,
      SqsClient sqs) {
    var resources = new LocalResources(template, stackName, dynamoDb, sqs);
    for (var type : List.of("AWS::DynamoDB::Table", "AWS::SQS::Queue")) {
      template.resourcesOfType(type).keySet().forEach(resources::ensure);
    }
    return resources;
  }

  /** {@code AWS::Region}, {@code AWS::AccountId}, {@code AWS::StackName} ... of a local deployment. */
  public static Map<String, String> pseudoParameters(String stackName) {
    return Map.of("AWS::Region", REGION, "AWS::AccountId", ACCOUNT_ID, "AWS::Partition", "aws",
        "AWS::URLSuffix", "amazonaws.com", "AWS::StackName", stackName,
        "AWS::StackId", "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT_ID + ":stack/" + stackName + "/local");
  }

  /** The resolver of this deployment: parameters, mappings and these resources. */
  public Intrinsics intrinsics() {
    return intrinsics;
  }

  public StackTemplate template() {
    return template;
  }

  public String stackName() {
    return stackName;
  }

  public String tableName(String logicalId) {
    return ensure(logicalId, "AWS::DynamoDB::Table").ref();
  }

  public String queueUrl(String logicalId) {
    return ensure(logicalId, "AWS::SQS::Queue").ref();
  }

  public String queueArn(String logicalId) {
    return ensure(logicalId, "AWS::SQS::Queue").attributes().get("Arn");
  }

  /** The physical name of a resource the template does not name itself. */
  public String physicalName(String logicalId) {
    return stackName + "-" + logicalId;
  }

  @Override
  public String ref(String logicalId) {
    var type = template.typeOf(logicalId);
    return switch (type) {
      case "AWS::DynamoDB::Table", "AWS::SQS::Queue" -> ensure(logicalId).ref();
      case "AWS::Logs::LogGroup" -> logGroupName(logicalId);
      case "AWS::IAM::Role" -> physicalName(logicalId);
      case "AWS::Lambda::Function" -> physicalName(logicalId);
      case "AWS::Lambda::Alias" -> functionArn(template.functionBehind(logicalId).orElseThrow()) + ":"
          + intrinsics.text(template.resource(logicalId).orElseThrow().path("Properties").path("Name"));
      default -> throw new UnsupportedTemplateException(
          "the local stack does not create " + logicalId + " (" + type + "), which something it runs refers to");
    };
  }

  @Override
  public String attribute(String logicalId, String attribute) {
    var type = template.typeOf(logicalId);
    return switch (type + "." + attribute) {
      case "AWS::DynamoDB::Table.Arn", "AWS::SQS::Queue.Arn", "AWS::SQS::Queue.QueueName", "AWS::SQS::Queue.QueueUrl" ->
          Optional.ofNullable(ensure(logicalId).attributes().get(attribute)).orElseThrow();
      case "AWS::Logs::LogGroup.Arn" ->
          "arn:aws:logs:" + REGION + ":" + ACCOUNT_ID + ":log-group:" + logGroupName(logicalId) + ":*";
      case "AWS::IAM::Role.Arn" -> "arn:aws:iam::" + ACCOUNT_ID + ":role/" + physicalName(logicalId);
      case "AWS::Lambda::Function.Arn" -> functionArn(logicalId);
      default -> throw new UnsupportedTemplateException(
          "the local stack has no " + attribute + " for " + logicalId + " (" + type + ")");
    };
  }

  private String functionArn(String logicalId) {
    return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + physicalName(logicalId);
  }

  private String logGroupName(String logicalId) {
    var name = template.resource(logicalId).orElseThrow().path("Properties").path("LogGroupName");
    return name.isMissingNode() ? physicalName(logicalId) : intrinsics.text(name);
  }

  private Created ensure(String logicalId, String expectedType) {
    var type = template.typeOf(logicalId);
    if (!type.equals(expectedType)) {
      throw new IllegalArgumentException(logicalId + " is a " + type + ", not a " + expectedType);
    }
    return ensure(logicalId);
  }

  private synchronized Created ensure(String logicalId) {
    var done = created.get(logicalId);
    if (done != null) {
      return done;
    }
    if (!inProgress.add(logicalId)) {
      throw new UnsupportedTemplateException(logicalId + " depends on itself through its references");
    }
    try {
      var resource = template.resource(logicalId).orElseThrow();
      var properties = resource.path("Properties");
      var made = switch (resource.path("Type").asText()) {
        case "AWS::DynamoDB::Table" -> createTable(logicalId, properties);
        case "AWS::SQS::Queue" -> createQueue(logicalId, properties);
        default -> throw new IllegalStateException(logicalId + " is not created here");
      };
      created.put(logicalId, made);
      return made;
    } finally {
      inProgress.remove(logicalId);
    }
  }

  // ---------------------------------------------------------------- tables

  private Created createTable(String logicalId, JsonNode declared) {
    var properties = intrinsics.resolve(declared);
    var name = properties.has("TableName") ? properties.get("TableName").asText() : physicalName(logicalId);
    var unsupported = new ArrayList<String>();
    properties.fieldNames().forEachRemaining(field -> {
      if (!Set.of("TableName", "AttributeDefinitions", "KeySchema", "BillingMode", "TimeToLiveSpecification")
          .contains(field) && !TABLE_PROPERTIES_NOT_REPRODUCED.contains(field)) {
        unsupported.add(field);
      }
    });
    if (!unsupported.isEmpty()) {
      throw new UnsupportedTemplateException(logicalId + ": the local stack cannot create a table with " + unsupported);
    }
    var request = createTableRequest(logicalId, name, properties);
    var existing = describeTable(name);
    if (existing.isEmpty()) {
      try {
        dynamoDb.createTable(request);
      } catch (ResourceInUseException createdMeanwhile) {
        // Another process provisioned the same table first: use it.
      }
    } else if (!existing.get().keySchema().equals(request.keySchema())) {
      throw new IllegalStateException("table " + name + " exists with key schema " + existing.get().keySchema()
          + ", not the template's " + request.keySchema() + "; delete it or pick another stack name");
    }
    var table = awaitActive(name);
    var ttl = properties.path("TimeToLiveSpecification");
    if (ttl.path("Enabled").asBoolean(false)) {
      ensureTimeToLive(name, ttl.path("AttributeName").asText());
    }
    return new Created(name, Map.of("Arn", table.tableArn()));
  }

  private static CreateTableRequest createTableRequest(String logicalId, String name, JsonNode properties) {
    var billingMode = properties.path("BillingMode").asText("PROVISIONED");
    if (!billingMode.equals("PAY_PER_REQUEST")) {
      throw new UnsupportedTemplateException(logicalId + ": only PAY_PER_REQUEST tables run locally, not " + billingMode);
    }
    var attributes = new ArrayList<AttributeDefinition>();
    properties.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
        .attributeName(a.path("AttributeName").asText()).attributeType(a.path("AttributeType").asText()).build()));
    var keys = new ArrayList<KeySchemaElement>();
    properties.path("KeySchema").forEach(k -> keys.add(KeySchemaElement.builder()
        .attributeName(k.path("AttributeName").asText()).keyType(k.path("KeyType").asText()).build()));
    return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attributes).keySchema(keys).build();
  }

  private Optional<TableDescription> describeTable(String tableName) {
    try {
      return Optional.of(dynamoDb.describeTable(request -> request.tableName(tableName)).table());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private TableDescription awaitActive(String tableName) {
    var deadline = System.nanoTime() + TABLE_ACTIVE_DEADLINE.toNanos();
    while (true) {
      var table = describeTable(tableName);
      if (table.map(TableDescription::tableStatus).orElse(null) == TableStatus.ACTIVE) {
        return table.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("table " + tableName + " is not ACTIVE after " + TABLE_ACTIVE_DEADLINE);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
      }
    }
  }

  private void ensureTimeToLive(String tableName, String attribute) {
    var current = dynamoDb.describeTimeToLive(request -> request.tableName(tableName)).timeToLiveDescription();
    var status = current == null ? null : current.timeToLiveStatus();
    boolean on = status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
    if (on && attribute.equals(current.attributeName())) {
      return;
    }
    if (on) {
      throw new IllegalStateException("table " + tableName + " has TTL on " + current.attributeName()
          + ", not the template's " + attribute + "; delete it or pick another stack name");
    }
    dynamoDb.updateTimeToLive(request -> request.tableName(tableName)
        .timeToLiveSpecification(spec -> spec.attributeName(attribute).enabled(true)));
  }

  // ---------------------------------------------------------------- queues

  private Created createQueue(String logicalId, JsonNode declared) {
    var properties = intrinsics.resolve(declared);
    var name = properties.has("QueueName") ? properties.get("QueueName").asText() : physicalName(logicalId);
    var attributes = new LinkedHashMap<String, String>();
    var unsupported = new ArrayList<String>();
    properties.fields().forEachRemaining(field -> {
      var property = field.getKey();
      if (QUEUE_ATTRIBUTES.contains(property)) {
        attributes.put(property, field.getValue().asText());
      } else if (property.equals("RedrivePolicy")) {
        attributes.put(property, Json.write(field.getValue()));
      } else if (!property.equals("QueueName") && !QUEUE_PROPERTIES_NOT_REPRODUCED.contains(property)) {
        unsupported.add(property);
      }
    });
    if (!unsupported.isEmpty()) {
      throw new UnsupportedTemplateException(logicalId + ": the local stack cannot create a queue with " + unsupported);
    }
    var queueUrl = ensureQueue(name, attributes);
    var arn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    return new Created(queueUrl, Map.of("Arn", arn, "QueueName", name, "QueueUrl", queueUrl));
  }

  /** Creates the queue, or sets the template's attributes on the one that exists. */
  private String ensureQueue(String name, Map<String, String> attributes) {
    try {
      var url = sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
      sqs.setQueueAttributes(request -> request.queueUrl(url).attributesWithStrings(withDefaults(attributes)));
      return url;
    } catch (QueueDoesNotExistException e) {
      return sqs.createQueue(request -> request.queueName(name).attributesWithStrings(attributes)).queueUrl();
    }
  }

  /** On an existing queue, attributes the template leaves out go back to SQS's defaults. */
  private static Map<String, String> withDefaults(Map<String, String> attributes) {
    var converged = new LinkedHashMap<>(Map.of("VisibilityTimeout", "30", "MessageRetentionPeriod", "345600",
        "DelaySeconds", "0", "ReceiveMessageWaitTimeSeconds", "0"));
    converged.putAll(attributes);
    return converged;
  }
}
