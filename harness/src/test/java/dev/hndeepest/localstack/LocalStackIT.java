package dev.hndeepest.localstack;

// Starts a real moto_server through the LocalStack facade (MotoServer, from the project venv) and
// the whole local stack around tiny in-test handlers that use DynamoDB and SQS as the real ones do,
// each built from the environment the template gives its function.

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hndeepest.config.AwsClients;
import dev.hndeepest.config.AwsSettings;
import dev.hndeepest.config.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LocalStackIT {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalStack stack;

  /** POST /jobs: stores a PENDING job and queues its id, like the real submit function. */
  static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> submit(Map<String, String> env) {
    var aws = AwsSettings.from(Environment.of(env));
    var dynamoDb = AwsClients.dynamoDb(aws);
    var sqs = AwsClients.sqs(aws);
    return (event, context) -> {
      var jobId = UUID.randomUUID().toString();
      var hours = String.join(",", event.getMultiValueQueryStringParameters().get("hours"));
      dynamoDb.putItem(request -> request.tableName(env.get("JOBS_TABLE_NAME")).item(Map.of(
          "pk", AttributeValue.fromS("JOB#" + jobId), "sk", AttributeValue.fromS("JOB"),
          "status", AttributeValue.fromS("PENDING"), "hours", AttributeValue.fromS(hours))));
      sqs.sendMessage(request -> request.queueUrl(env.get("WORK_QUEUE_URL")).messageBody(jobId));
      return new APIGatewayProxyResponseEvent().withStatusCode(202)
          .withHeaders(Map.of("Location", "/jobs/" + jobId))
          .withBody("{\"jobId\":\"" + jobId + "\"}");
    };
  }

  /** The worker: marks each queued job SUCCEEDED. */
  static RequestHandler<SQSEvent, SQSBatchResponse> worker(Map<String, String> env) {
    var dynamoDb = AwsClients.dynamoDb(AwsSettings.from(Environment.of(env)));
    return (event, context) -> {
      for (var record : event.getRecords()) {
        dynamoDb.updateItem(request -> request.tableName(env.get("JOBS_TABLE_NAME"))
            .key(Map.of("pk", AttributeValue.fromS("JOB#" + record.getBody()), "sk", AttributeValue.fromS("JOB")))
            .updateExpression("SET #s = :done")
            .expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":done", AttributeValue.fromS("SUCCEEDED"))));
      }
      return new SQSBatchResponse(List.of());
    };
  }

  /** GET /jobs/{id}: reads the job back. */
  static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> status(Map<String, String> env) {
    var dynamoDb = AwsClients.dynamoDb(AwsSettings.from(Environment.of(env)));
    return (event, context) -> {
      var item = dynamoDb.getItem(request -> request.tableName(env.get("JOBS_TABLE_NAME")).key(Map.of(
          "pk", AttributeValue.fromS("JOB#" + event.getPathParameters().get("id")),
          "sk", AttributeValue.fromS("JOB")))).item();
      if (item == null || item.isEmpty()) {
        return new APIGatewayProxyResponseEvent().withStatusCode(404);
      }
      return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(
          "{\"status\":\"" + item.get("status").s() + "\",\"hours\":\"" + item.get("hours").s() + "\"}");
    };
  }

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start(LocalStackOptions.builder()
        .stackName(MotoFixture.uniqueStackName("it-stack"))
        .parameter("WorkQueueVisibilityTimeout", "2")
        .parameter("WorkerMaxConcurrency", "2")
        .apiPort(0)
        .receiveWait(Duration.ofSeconds(1))
        .handler("SubmitJobFunction", LocalStackIT::submit)
        .handler("JobStatusFunction", LocalStackIT::status)
        .handler("WorkerFunction", LocalStackIT::worker)
        .build());
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void stack_shouldRunJobThroughApiQueueAndWorker_whenHandlersArePluggedIn() throws Exception {
    // GIVEN the stack started above
    assertThat(stack.emulatorStartedHere()).isTrue();
    assertThat(stack.apiBaseUrl().getHost()).isEqualTo("127.0.0.1");

    // WHEN a job is submitted over HTTP
    var submitted = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/jobs?hours=6"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    // THEN it is accepted, and the worker finishes it through the queue
    assertThat(submitted.statusCode()).isEqualTo(202);
    var location = submitted.headers().firstValue("Location").orElseThrow();
    var lastStatus = new AtomicReference<String>();
    MotoFixture.await("the job to succeed", DEADLINE, () -> {
      lastStatus.set(get(location).body());
      return lastStatus.get().contains("SUCCEEDED");
    });
    assertThat(lastStatus.get()).isEqualTo("{\"status\":\"SUCCEEDED\",\"hours\":\"6\"}");
    // The worker's write lands before the poller deletes the message: wait for the delete.
    MotoFixture.await("the message to be deleted", DEADLINE,
        () -> stack.workerStats().orElseThrow().messagesDeleted() == 1);
    assertThat(stack.workerStats().orElseThrow().messagesFailed()).isZero();
    assertThat(stack.function("WorkerFunction").environment())
        .containsEntry("AWS_ENDPOINT_URL", stack.awsEndpoint().toString())
        .containsEntry("MAX_RECEIVE_COUNT", "3");
  }

  @Test
  void stack_shouldAnswerProblemJson_whenRouteIsUnknown() {
    // WHEN
    var response = get("/results");

    // THEN
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(HttpReply.PROBLEM_JSON);
  }

  @Test
  void stack_shouldProvisionDeadLetterQueue_whenStarted() {
    // WHEN
    Map<String, String> attributes;
    try (var admin = StackAdmin.of(stack)) {
      attributes = admin.sqs().getQueueAttributes(request -> request
          .queueUrl(stack.resources().queueUrl("WorkQueue"))
          .attributeNamesWithStrings("RedrivePolicy", "VisibilityTimeout")).attributesAsStrings();
    }

    // THEN
    assertThat(attributes.get("RedrivePolicy")).contains(stack.resources().queueArn("WorkDeadLetterQueue"));
    assertThat(attributes.get("VisibilityTimeout")).isEqualTo("2");
  }

  private static HttpResponse<String> get(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
