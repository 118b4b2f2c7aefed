package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.config.AwsClients;
import dev.hndeepest.replica.GeneratorSpec;
import dev.hndeepest.replica.HnDataGenerator;
import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ReplicaOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sqs.SqsClient;

// Starts a real moto_server with IAM enforced (MotoFixture) and the HN API replica on loopback; a
// local stack gives each function the credentials of its own role from template.yaml, and the tests
// call AWS with them, or run whole jobs, to see what each role allows.
class LocalRolesIT {
  private static final Instant END = Instant.parse("2025-03-01T00:00:00Z");
  private static final Clock AT_END = Clock.fixed(END, ZoneOffset.UTC);
  private static MotoFixture moto;
  private static HnReplicaServer replica;
  private static LocalStack stack;

  @BeforeAll
  static void start() throws IOException {
    moto = MotoFixture.start();
    replica = HnReplicaServer.start(HnDataGenerator.generate(GeneratorSpec.endingAt(31, END, 4)),
        ReplicaOptions.defaults().withServedAsOf(END));
    stack = LocalStack.start(moto.stack("it-roles").parameter("HnApiBaseUrl", replica.baseUrl().toString())
        .leaveOut("WorkerFunction").build());
  }

  @AfterAll
  static void stop() {
    stack.close();
    replica.close();
    moto.close();
  }

  private static DynamoDbClient dynamoDbAs(String function) {
    return AwsClients.dynamoDb(stack.emulatorAccess().settings(stack.function(function).credentials()));
  }

  private static SqsClient sqsAs(String function) {
    return AwsClients.sqs(stack.emulatorAccess().settings(stack.function(function).credentials()));
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("JOB"));
  }

  @Test
  void emulator_shouldRefuseUnknownCredentials_becauseIamIsEnforced() {
    var stranger = AwsClients.sqs(stack.emulatorAccess().settings(AwsBasicCredentials.create("test", "test")));

    assertThatThrownBy(() -> stranger.listQueues()).isInstanceOf(AwsServiceException.class)
        .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(403));
  }

  @Test
  void eachRole_shouldAllowWhatTheTemplateGivesItAndDenyTheRest() {
    var table = stack.resources().tableName("JobsTable");
    var queue = stack.resources().queueUrl("WorkQueue");
    try (var submit = dynamoDbAs("SubmitJobFunction"); var status = dynamoDbAs("JobStatusFunction");
        var worker = dynamoDbAs("WorkerFunction"); var statusSqs = sqsAs("JobStatusFunction");
        var submitSqs = sqsAs("SubmitJobFunction"); var web = dynamoDbAs("WebFunction"); var webSqs = sqsAs("WebFunction")) {
      // submit: PutItem, GetItem, UpdateItem, DeleteItem on the table; SendMessage on the queue
      assertThatCode(() -> submit.putItem(r -> r.tableName(table).item(key("JOB#roles")))).doesNotThrowAnyException();
      assertThatCode(() -> submit.deleteItem(r -> r.tableName(table).key(key("JOB#roles")))).doesNotThrowAnyException();
      assertThatCode(() -> submitSqs.sendMessage(r -> r.queueUrl(queue).messageBody("{}"))).doesNotThrowAnyException();
      assertDenied(() -> submit.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("JOB#roles")))), "dynamodb:Query");
      assertDenied(() -> submitSqs.receiveMessage(r -> r.queueUrl(queue)), "sqs:ReceiveMessage");
      // status: reads and updates, never writes a new item, deletes or touches the queue
      assertThatCode(() -> status.getItem(r -> r.tableName(table).key(key("JOB#roles")))).doesNotThrowAnyException();
      assertDenied(() -> status.putItem(r -> r.tableName(table).item(key("JOB#roles"))), "dynamodb:PutItem");
      assertDenied(() -> statusSqs.sendMessage(r -> r.queueUrl(queue).messageBody("{}")), "sqs:SendMessage");
      // worker: no DeleteItem, no Scan
      assertDenied(() -> worker.deleteItem(r -> r.tableName(table).key(key("JOB#roles"))), "dynamodb:DeleteItem");
      assertDenied(() -> worker.scan(r -> r.tableName(table)), "dynamodb:Scan");
      // web: serves its jar's documents, touches no data
      assertDenied(() -> web.getItem(r -> r.tableName(table).key(key("JOB#roles"))), "dynamodb:GetItem");
      assertDenied(() -> webSqs.sendMessage(r -> r.queueUrl(queue).messageBody("{}")), "sqs:SendMessage");
    }
  }

  @Test
  void transactWriteItems_shouldNeedTheActionOfEachOfItsItems_asOnAws() {
    // GIVEN transactions of a put and of a delete
    var table = stack.resources().tableName("JobsTable");
    var put = TransactWriteItem.builder().put(p -> p.tableName(table).item(key("JOB#transact"))).build();
    var delete = TransactWriteItem.builder().delete(d -> d.tableName(table).key(key("JOB#transact"))).build();
    try (var submit = dynamoDbAs("SubmitJobFunction"); var worker = dynamoDbAs("WorkerFunction");
        var status = dynamoDbAs("JobStatusFunction")) {
      // WHEN / THEN PutItem lets the worker put, DeleteItem lets only the submit function delete
      assertThatCode(() -> worker.transactWriteItems(r -> r.transactItems(put))).doesNotThrowAnyException();
      assertDenied(() -> worker.transactWriteItems(r -> r.transactItems(delete)), "dynamodb:DeleteItem");
      assertDenied(() -> status.transactWriteItems(r -> r.transactItems(put)), "dynamodb:PutItem");
      assertThatCode(() -> submit.transactWriteItems(r -> r.transactItems(delete))).doesNotThrowAnyException();
    }
  }

  @Test
  void job_shouldFailWithAccessDenied_whenTheTemplateTakesAnActionTheWorkerNeedsAway(@TempDir Path dir)
      throws IOException {
    // GIVEN a template.yaml whose worker role lost dynamodb:PutItem, which only its record-batch
    // transaction needs
    var source = Files.readString(MotoFixture.ROOT.resolve("template.yaml"));
    var roleStart = source.indexOf("  WorkerFunctionRole:");
    var line = "                  - dynamodb:PutItem\n";
    int at = source.indexOf(line, roleStart);
    assertThat(at).isPositive().isLessThan(source.indexOf("  JobStatusFunctionRole:"));
    var broken = dir.resolve("template.yaml");
    Files.writeString(broken, source.substring(0, at) + source.substring(at + line.length()));

    try (var weakened = LocalStack.start(moto.stack("it-denied").templateFile(broken)
        .parameter("HnApiBaseUrl", replica.baseUrl().toString())
        .parameter("WorkQueueVisibilityTimeout", "1")
        .clock(AT_END).build())) {
      // WHEN a job with posts runs
      var api = new JobApiClient(weakened.apiBaseUrl());
      var job = api.awaitEnd(api.submit("hours=3&asOf=" + END).get("jobId").asText(), Duration.ofSeconds(90));

      // THEN its batches were denied on every delivery, and it ended FAILED saying so
      assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("FAILED");
      assertThat(job.get("error").asText()).contains("failed " + MotoFixture.MAX_RECEIVE_COUNT + " times")
          .containsPattern(Pattern.compile("not authorized to perform:? dynamodb:PutItem", Pattern.CASE_INSENSITIVE));
    }
  }

  private static void assertDenied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String action) {
    assertThatThrownBy(call).isInstanceOf(AwsServiceException.class)
        .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorCode()).contains("AccessDenied"))
        .hasMessageContaining(action);
  }
}
