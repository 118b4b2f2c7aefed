package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.job.WorkMessage;
import dev.hndeepest.job.WorkMessageCodec;
import dev.hndeepest.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// Starts a real moto_server (MotoFixture) and, per test, the Lambda runtime interface emulator that
// the SAM CLI package ships, running a function's deployment jar with the Java runtime interface
// client: the handlers as Lambda's java21 runtime runs them, with its own event (de)serialisation.
class LambdaRuntimeIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final RepositoryRoot ROOT = RepositoryRoot.locate();
  private static MotoFixture moto;
  private static ProvisionedResources resources;

  @BeforeAll
  static void start() {
    moto = MotoFixture.start();
    resources = moto.freshResources(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  @Test
  void submitFunction_shouldStoreAndQueueTheJob_whenRunByTheLambdaRuntime() throws Exception {
    var response = invoke("submit-function", "dev.hndeepest.submit.SubmitJobHandler::handleRequest",
        "submit-job.json");

    assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(202);
    var jobId = Json.read(response.get("body").asText(), JsonNode.class).get("jobId").asText();
    assertThat(response.at("/headers/Location").asText())
        .isEqualTo("https://abcdef1234.execute-api.us-east-1.amazonaws.com/prod/jobs/" + jobId);
    var table = resources.appConfig().requireJobsTableName();
    assertThat(moto.dynamoDb.scan(r -> r.tableName(table)).items())
        .anySatisfy(item -> assertThat(item.get("jobId").s()).isEqualTo(jobId));
    var sent = moto.sqs.receiveMessage(r -> r.queueUrl(resources.workQueueUrl()).maxNumberOfMessages(10)).messages();
    assertThat(sent).extracting(message -> WorkMessageCodec.decode(message.body()))
        .contains(new WorkMessage.DiscoverStories(jobId));
  }

  @Test
  void statusFunction_shouldAnswerProblemJson_whenRunByTheLambdaRuntime() throws Exception {
    var response = invoke("status-function", "dev.hndeepest.status.JobStatusHandler::handleRequest",
        "job-status-malformed-id.json");

    assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(400);
    assertThat(response.at("/headers/Content-Type").asText()).isEqualTo("application/problem+json");
    assertThat(Json.read(response.get("body").asText(), JsonNode.class).at("/invalidParams/0/name").asText())
        .isEqualTo("jobId");
  }

  @Test
  void workerFunction_shouldReportBatchItemFailures_whenRunByTheLambdaRuntime() throws Exception {
    var event = Json.read(Files.readString(ROOT.resolve("events/worker-malformed-body.json")), JsonNode.class);

    var response = invoke("worker-function", "dev.hndeepest.worker.WorkerHandler::handleRequest",
        "worker-malformed-body.json");

    // The runtime's serialiser must produce exactly the field names Lambda's SQS poller reads.
    assertThat(response.toString()).as(response.toString()).isEqualTo(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + event.at("/Records/0/messageId").asText() + "\"}]}");
  }

  /** Runs the function's jar under the emulator, sends the event file once, returns the answer. */
  private static JsonNode invoke(String module, String handler, String eventFile) throws Exception {
    var emulator = emulatorBinary();
    assumeThat(emulator).as("the SAM CLI's runtime interface emulator in .venv").isNotNull();
    var jar = ROOT.resolve(module + "/target/" + module + ".jar");
    assertThat(jar).as("the function's deployment jar (built by package)").exists();
    int port = freePort();
    var classPath = String.join(java.io.File.pathSeparator, jar.toString(),
        jarOf("com.amazonaws.services.lambda.runtime.api.client.AWSLambda"),
        jarOf("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer"),
        jarOf("software.amazon.awssdk.utilslite.SdkInternalThreadLocal"));
    var command = List.of(emulator.toString(), "--runtime-interface-emulator-address", "127.0.0.1:" + port,
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
        "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler);
    var builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(Files.createTempFile("rie-" + module, ".log").toFile());
    builder.environment().putAll(Map.of(
        "JOBS_TABLE_NAME", resources.appConfig().requireJobsTableName(),
        "WORK_QUEUE_URL", resources.workQueueUrl(),
        "AWS_ENDPOINT_URL", moto.moto.endpoint().toString(),
        "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "test",
        "AWS_SECRET_ACCESS_KEY", "test",
        "AWS_LAMBDA_FUNCTION_NAME", module));
    var process = builder.start();
    try {
      awaitPort(port);
      var response = HTTP.send(HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations"))
              .timeout(Duration.ofSeconds(60))
              .POST(HttpRequest.BodyPublishers.ofFile(ROOT.resolve("events/" + eventFile))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return Json.read(response.body(), JsonNode.class);
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }

  private static Path emulatorBinary() throws IOException {
    String arch = System.getProperty("os.arch").contains("aarch64") ? "arm64" : "x86_64";
    var libs = ROOT.resolve(".venv/lib");
    if (!Files.isDirectory(libs)) {
      return null;
    }
    try (Stream<Path> pythons = Files.list(libs)) {
      return pythons.map(p -> p.resolve("site-packages/samcli/local/rapid/aws-lambda-rie-" + arch))
          .filter(Files::isExecutable).findFirst().orElse(null);
    }
  }

  private static String jarOf(String className) throws Exception {
    return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitPort(int port) {
    MotoFixture.await("the emulator on port " + port, Duration.ofSeconds(20), () -> {
      try (var socket = new Socket("127.0.0.1", port)) {
        return true;
      } catch (IOException e) {
        return false;
      }
    });
  }
}
