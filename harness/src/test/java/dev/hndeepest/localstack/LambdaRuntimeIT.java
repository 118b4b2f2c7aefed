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
  void submitFunction_shouldWriteItsMetricAsEmf_inTheNamespaceItsTemplateEnvironmentNames() throws Exception {
    // GIVEN the submit function's template environment (POWERTOOLS_METRICS_NAMESPACE from Globals)
    var environment = stack.function("SubmitJobFunction").environment();
    var namespace = environment.get("POWERTOOLS_METRICS_NAMESPACE");
    assertThat(namespace).startsWith("HnDeepest/");

    // WHEN the runtime runs a submission (a window of its own, so it creates a job)
    var invocation = run("SubmitJobFunction", environment, "submit-job-as-of.json");

    // THEN stdout holds one EMF line: JobsSubmitted = 1 Count in that namespace, dimension service
    assertThat(invocation.response().get("statusCode").asInt()).as(invocation.log()).isIn(200, 202);
    assertThat(invocation.emfLines()).as(invocation.log()).singleElement().satisfies(line -> {
      var directive = line.at("/_aws/CloudWatchMetrics/0");
      assertThat(directive.get("Namespace").asText()).isEqualTo(namespace);
      assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"service\"]]");
      assertThat(line.get("service").asText()).isEqualTo(environment.get("POWERTOOLS_SERVICE_NAME"));
      var metric = directive.at("/Metrics/0");
      assertThat(metric.get("Unit").asText()).isEqualTo("Count");
      assertThat(line.get(metric.get("Name").asText()).asDouble()).isEqualTo(1.0);
    });
  }

  @Test
  void everyFunction_shouldPrimeWithoutTouchingAnything_whenTheWarmUpRunsAtInit() throws Exception {
    // GIVEN each function's template environment with the warm-up moved to init (the emulator takes no snapshot)
    var table = stack.resources().tableName("JobsTable");
    int itemsBefore = moto.dynamoDb.scan(r -> r.tableName(table)).count();
    var queueUrl = stack.resources().queueUrl("WorkQueue");
    int messagesBefore = moto.messagesIn(queueUrl);
    for (var function : List.of("SubmitJobFunction", "JobStatusFunction", "WorkerFunction")) {
      var environment = new HashMap<>(stack.function(function).environment());
      environment.put("HN_DEEPEST_PRIME_AT_INIT", "true");
      // An endpoint nothing listens on: a warm-up that called AWS would fail the function's init.
      environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + freePort());
      String event = switch (function) {
        case "SubmitJobFunction" -> "submit-job-hours-abc.json";
        case "JobStatusFunction" -> "job-status-malformed-id.json";
        default -> "worker-malformed-body.json";
      };

      // WHEN the runtime builds the handler (priming it) and invokes it with a request it refuses
      var invocation = run(function, environment, event);

      // THEN it primed, answered as unprimed, and wrote no metric for the warm-up's requests
      assertThat(invocation.log()).as(invocation.log()).contains(function + " primed in");
      assertThat(invocation.response().toString()).doesNotContain("errorType");
      // (the worker's one line is its invocation's own: a delivery whose HN traffic was nothing)
      assertThat(invocation.emfLines()).as("the warm-up counts nothing").hasSize(function.equals("WorkerFunction") ? 1 : 0)
          .allSatisfy(line -> assertThat(line.path("HnRequests").asDouble()).isZero());
    }

    // AND nothing was written to the table or sent to the queue
    assertThat(moto.dynamoDb.scan(r -> r.tableName(table)).count()).isEqualTo(itemsBefore);
    assertThat(moto.messagesIn(queueUrl)).isEqualTo(messagesBefore);
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
    return run(function, stack.function(function).environment(), eventFile).response();
  }

  private static JsonNode invoke(String functionId, Map<String, String> environment, String eventFile)
      throws Exception {
    return run(functionId, environment, eventFile).response();
  }

  /** The function's answer and everything it wrote to stdout and stderr (its CloudWatch log on AWS). */
  private record Invocation(JsonNode response, String log) {
    List<JsonNode> emfLines() {
      return log.lines().filter(line -> line.startsWith("{\"_aws\"")).map(line -> Json.read(line, JsonNode.class))
          .toList();
    }
  }

  /**
   * Runs the function's jar (its template CodeUri's module) under the emulator with exactly
   * {@code environment} plus the emulator's own timeout setting, sends the event file once,
   * returns the answer.
   */
  private static Invocation run(String functionId, Map<String, String> environment, String eventFile)
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
    var log = Files.createTempFile("rie-" + module, ".log");
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
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
      var answer = Json.read(response.body(), JsonNode.class);
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      return new Invocation(answer, Files.readString(log));
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
