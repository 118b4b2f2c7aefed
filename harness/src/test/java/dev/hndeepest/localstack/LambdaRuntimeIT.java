package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.job.JobId;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// Starts a real moto_server (MotoFixture) and a local stack on it that runs no function itself
// (every one left out) but gives each its template environment and role; then, per test, the
// Lambda runtime interface emulator that the SAM CLI package ships, running a function's deployment
// jar with the Java runtime interface client: the handler the template names, built by its
// no-argument constructor from a process environment that holds exactly that function's variables,
// and Lambda's own event (de)serialisation.
class LambdaRuntimeIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final RepositoryRoot ROOT = MotoFixture.ROOT;
  private static MotoFixture moto;
  private static LocalStack stack;

  @BeforeAll
  static void start() {
    moto = MotoFixture.start();
    stack = moto.stackOfEnvironments("it-rie");
  }

  @AfterAll
  static void stop() {
    stack.close();
    moto.close();
  }

  @Test
  void submitFunction_shouldStoreAndQueueTheJob_whenRunByTheLambdaRuntime() throws Exception {
    var response = invoke("SubmitJobFunction", "submit-job.json");

    assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(202);
    var jobId = Json.read(response.get("body").asText(), JsonNode.class).get("jobId").asText();
    assertThat(response.at("/headers/Location").asText())
        .isEqualTo("https://abcdef1234.execute-api.us-east-1.amazonaws.com/prod/jobs/" + jobId);
    var table = stack.resources().tableName("JobsTable");
    assertThat(moto.dynamoDb.scan(r -> r.tableName(table)).items())
        .anySatisfy(item -> assertThat(item.get("jobId").s()).isEqualTo(jobId));
    var sent = moto.sqs.receiveMessage(r -> r.queueUrl(stack.resources().queueUrl("WorkQueue"))
        .maxNumberOfMessages(10)).messages();
    assertThat(sent).extracting(message -> WorkMessageCodec.decode(message.body()))
        .contains(new WorkMessage.DiscoverPosts(new JobId(jobId)));
  }

  @Test
  void statusFunction_shouldStartAndAnswer_whenItsEnvironmentIsExactlyTheTemplates() throws Exception {
    // GIVEN the status function's template environment, which has no WORK_QUEUE_URL (the first
    // release's status function required it and could not start as deployed)
    assertThat(stack.function("JobStatusFunction").environment()).doesNotContainKey("WORK_QUEUE_URL");

    // WHEN the runtime builds the handler with its no-argument constructor and invokes it
    var response = invoke("JobStatusFunction", "job-status-unknown.json");

    // THEN it read the (empty) table and answered 404
    assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(404);
    assertThat(response.at("/headers/Content-Type").asText()).isEqualTo("application/problem+json");
  }

  @Test
  void statusFunction_shouldAnswerProblemJson_whenRunByTheLambdaRuntime() throws Exception {
    var response = invoke("JobStatusFunction", "job-status-malformed-id.json");

    assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(400);
    assertThat(response.at("/headers/Content-Type").asText()).isEqualTo("application/problem+json");
    assertThat(Json.read(response.get("body").asText(), JsonNode.class).at("/invalidParams/0/name").asText())
        .isEqualTo("jobId");
  }

  @Test
  void webFunction_shouldServeThePageFromItsJar_whenRunByTheLambdaRuntime() throws Exception {
    var response = invoke("WebFunction", "web-page.json");

    assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
    assertThat(response.at("/headers/Content-Type").asText()).isEqualTo("text/html; charset=utf-8");
    assertThat(response.get("body").asText()).startsWith("<!doctype html>");
  }

  @Test
  void workerFunction_shouldReportBatchItemFailures_whenRunByTheLambdaRuntime() throws Exception {
    var event = Json.read(Files.readString(ROOT.resolve("events/worker-malformed-body.json")), JsonNode.class);

    var response = invoke("WorkerFunction", "worker-malformed-body.json");

    // The runtime's serialiser must produce exactly the field names Lambda's SQS poller reads.
    assertThat(response.toString()).as(response.toString()).isEqualTo(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + event.at("/Records/0/messageId").asText() + "\"}]}");
  }

  @Test
  void submitFunction_shouldFailToInitialiseNamingTheVariable_whenTheTemplateWouldNotGiveIt() throws Exception {
    // GIVEN the submit function's environment without the queue its template entry names
    var environment = new HashMap<>(stack.function("SubmitJobFunction").environment());
    environment.remove("WORK_QUEUE_URL");

    // WHEN the runtime tries to build the handler
    var response = invoke("SubmitJobFunction", environment, "submit-job.json");

    // THEN the invocation is Lambda's init error, naming what is missing
    assertThat(response.path("errorType").asText()).as(response.toString()).isNotEmpty();
    assertThat(response.toString()).contains("WORK_QUEUE_URL is not set");
  }

  private static JsonNode invoke(String function, String eventFile) throws Exception {
    return invoke(function, stack.function(function).environment(), eventFile);
  }

  /**
   * Runs the function's jar (its template CodeUri's module) under the emulator with exactly
   * {@code environment} plus the emulator's own timeout setting, sends the event file once,
   * returns the answer.
   */
  private static JsonNode invoke(String functionId, Map<String, String> environment, String eventFile)
      throws Exception {
    var emulator = emulatorBinary();
    assumeThat(emulator).as("the SAM CLI's runtime interface emulator in .venv").isNotNull();
    var function = stack.function(functionId);
    var module = function.definition().codeUri().replaceAll("/+$", "");
    var jar = ROOT.resolve(module + "/target/" + module + ".jar");
    assertThat(jar).as("the function's deployment jar (built by package)").exists();
    int port = freePort();
    var classPath = String.join(java.io.File.pathSeparator, jar.toString(),
        jarOf("com.amazonaws.services.lambda.runtime.api.client.AWSLambda"),
        jarOf("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer"),
        jarOf("software.amazon.awssdk.utilslite.SdkInternalThreadLocal"));
    var command = List.of(emulator.toString(), "--runtime-interface-emulator-address", "127.0.0.1:" + port,
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
        "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", function.definition().handler());
    var builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(Files.createTempFile("rie-" + module, ".log").toFile());
    // Nothing of this JVM's environment: the function sees what Lambda would give it.
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.environment().put("AWS_LAMBDA_FUNCTION_TIMEOUT", Long.toString(function.timeout().toSeconds()));
    var process = builder.start();
    try {
      awaitPort(port);
      var response = HTTP.send(HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations"))
              .timeout(Duration.ofSeconds(60))
              .POST(HttpRequest.BodyPublishers.ofFile(ROOT.resolve("events/" + eventFile))).build(),
          HttpResponse.BodyHandlers.ofString());
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
