package dev.hndeepest.localstack;

// Starts a real moto_server (MotoServer, from the project venv) for the class and provisions
// uniquely named tables and queues in it.

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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

  @Test
  void provision_shouldCreateTableAndQueuesOfTheTemplate_whenNothingExists() {
    // GIVEN
    var names = MotoFixture.uniqueNames();

    // WHEN
    var resources = new LocalResources(emulator.dynamoDb, emulator.sqs)
        .provision(emulator.emulatorConfig, names, Duration.ofSeconds(30));

    // THEN the config points the handlers at the new table and queue
    var config = resources.appConfig();
    assertThat(config.jobsTableName()).isEqualTo(names.jobsTable());
    assertThat(config.workQueueUrl()).endsWith("/" + names.workQueue());
    assertThat(config.awsEndpoint()).contains(emulator.moto.endpoint());
    assertThat(config.awsRegion()).isEqualTo("us-east-1");
    // AND the table has the template's keys, billing and TTL
    var table = emulator.dynamoDb.describeTable(request -> request.tableName(names.jobsTable())).table();
    assertThat(table.keySchema()).containsExactly(
        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
    assertThat(table.attributeDefinitions()).containsExactlyInAnyOrder(
        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build());
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    var ttl = emulator.dynamoDb.describeTimeToLive(request -> request.tableName(names.jobsTable()))
        .timeToLiveDescription();
    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    // AND the work queue redrives to the DLQ after AppConfig.maxReceiveCount receives
    var queue = emulator.sqs.getQueueAttributes(request -> request.queueUrl(resources.workQueueUrl())
        .attributeNamesWithStrings("All")).attributesAsStrings();
    assertThat(queue.get("VisibilityTimeout")).isEqualTo("30");
    assertThat(queue.get("RedrivePolicy"))
        .contains(resources.deadLetterQueueArn())
        .containsPattern("\"maxReceiveCount\":\\s*\"?" + MotoFixture.MAX_RECEIVE_COUNT);
  }

  @Test
  void provision_shouldConvergeOnExistingResources_whenRunTwice() {
    // GIVEN resources provisioned once with a 30 s visibility timeout
    var names = MotoFixture.uniqueNames();
    var provisioner = new LocalResources(emulator.dynamoDb, emulator.sqs);
    var first = provisioner.provision(emulator.emulatorConfig, names, Duration.ofSeconds(30));

    // WHEN provisioned again with another timeout
    var second = provisioner.provision(emulator.emulatorConfig, names, Duration.ofSeconds(2));

    // THEN the same resources are reused and updated
    assertThat(second).isEqualTo(first);
    var visibility = emulator.sqs.getQueueAttributes(request -> request.queueUrl(second.workQueueUrl())
        .attributeNamesWithStrings("VisibilityTimeout")).attributesAsStrings().get("VisibilityTimeout");
    assertThat(visibility).isEqualTo("2");
  }

  @Test
  void provision_shouldRefuse_whenTableExistsWithOtherKeys() {
    // GIVEN a table of the same name keyed on "id" only
    var names = MotoFixture.uniqueNames();
    emulator.dynamoDb.createTable(request -> request.tableName(names.jobsTable())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    var provisioner = new LocalResources(emulator.dynamoDb, emulator.sqs);

    // WHEN / THEN
    assertThatThrownBy(() -> provisioner.provision(emulator.emulatorConfig, names, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(names.jobsTable())
        .hasMessageContaining("key schema");
  }
}
