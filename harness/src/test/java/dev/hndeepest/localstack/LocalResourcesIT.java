package dev.hndeepest.localstack;

// Starts a real moto_server (MotoServer, from the project venv) for the class and provisions the
// template's table and queues in it under stack names no other test uses.

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.json.Json;
import dev.hndeepest.localstack.template.StackTemplate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class LocalResourcesIT {
  private static MotoFixture emulator;

  @BeforeAll
  static void startMoto() {
    emulator = MotoFixture.start();
  }

  @AfterAll
  static void stopMoto() {
    emulator.close();
  }

  private static LocalResources provision(String stackName, Map<String, String> parameters) {
    return LocalResources.provision(StackTemplate.load(MotoFixture.ROOT, parameters), stackName, emulator.dynamoDb,
        emulator.sqs);
  }

  @Test
  void provision_shouldCreateTableAndQueuesAsTheTemplateDefinesThem_whenNothingExists() {
    // GIVEN
    var stackName = MotoFixture.uniqueStackName("it-res");

    // WHEN provisioned with one parameter overridden, as sam deploy --parameter-overrides would
    var resources = provision(stackName, Map.of("MaxReceiveCount", "4"));

    // THEN the physical names follow the stack name, and the Refs the functions get are the real ones
    var tableName = resources.tableName("JobsTable");
    assertThat(tableName).isEqualTo(stackName + "-JobsTable");
    assertThat(resources.queueUrl("WorkQueue")).endsWith("/" + stackName + "-WorkQueue");
    assertThat(resources.intrinsics().text(Json.read("{\"Ref\": \"WorkQueue\"}", JsonNode.class)))
        .isEqualTo(resources.queueUrl("WorkQueue"));
    // AND the table has the template's keys, billing and TTL
    var table = emulator.dynamoDb.describeTable(request -> request.tableName(tableName)).table();
    assertThat(table.keySchema()).containsExactly(
        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
    assertThat(table.attributeDefinitions()).containsExactlyInAnyOrder(
        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build());
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    var ttl = emulator.dynamoDb.describeTimeToLive(request -> request.tableName(tableName)).timeToLiveDescription();
    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    // AND the work queue has the template's visibility timeout and retention, and redrives to the DLQ
    // after MaxReceiveCount receives
    var queue = emulator.sqs.getQueueAttributes(request -> request.queueUrl(resources.queueUrl("WorkQueue"))
        .attributeNamesWithStrings("All")).attributesAsStrings();
    assertThat(queue.get("VisibilityTimeout")).isEqualTo("1080");
    assertThat(queue.get("MessageRetentionPeriod")).isEqualTo("345600");
    assertThat(queue.get("RedrivePolicy"))
        .contains(resources.queueArn("WorkDeadLetterQueue"))
        .containsPattern("\"maxReceiveCount\":\\s*\"?4");
    var deadLetters = emulator.sqs.getQueueAttributes(request -> request
        .queueUrl(resources.queueUrl("WorkDeadLetterQueue")).attributeNamesWithStrings("All")).attributesAsStrings();
    assertThat(deadLetters.get("MessageRetentionPeriod")).isEqualTo("1209600");
  }

  @Test
  void provision_shouldConvergeOnExistingResources_whenRunTwice() {
    // GIVEN resources provisioned once with the default visibility timeout
    var stackName = MotoFixture.uniqueStackName("it-res");
    var first = provision(stackName, Map.of());

    // WHEN provisioned again with another one
    var second = provision(stackName, Map.of("WorkQueueVisibilityTimeout", "2"));

    // THEN the same resources are reused and updated
    assertThat(second.queueUrl("WorkQueue")).isEqualTo(first.queueUrl("WorkQueue"));
    assertThat(second.tableName("JobsTable")).isEqualTo(first.tableName("JobsTable"));
    var visibility = emulator.sqs.getQueueAttributes(request -> request.queueUrl(second.queueUrl("WorkQueue"))
        .attributeNamesWithStrings("VisibilityTimeout")).attributesAsStrings().get("VisibilityTimeout");
    assertThat(visibility).isEqualTo("2");
  }

  @Test
  void provision_shouldRefuse_whenTableExistsWithOtherKeys() {
    // GIVEN a table of the same name keyed on "id" only
    var stackName = MotoFixture.uniqueStackName("it-res");
    emulator.dynamoDb.createTable(request -> request.tableName(stackName + "-JobsTable")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));

    // WHEN / THEN
    assertThatThrownBy(() -> provision(stackName, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(stackName + "-JobsTable")
        .hasMessageContaining("key schema");
  }

  @Test
  void provision_shouldRefuseAParameterValue_whenCloudFormationWould() {
    // WHEN / THEN below the parameter's MinValue, and a parameter the template does not declare
    assertThatThrownBy(() -> provision(MotoFixture.uniqueStackName("it-res"), Map.of("WorkerMaxConcurrency", "1")))
        .hasMessageContaining("WorkerMaxConcurrency").hasMessageContaining("not less than 2");
    assertThatThrownBy(() -> provision(MotoFixture.uniqueStackName("it-res"), Map.of("WorkerCount", "3")))
        .hasMessageContaining("declares no parameter WorkerCount");
  }
}
