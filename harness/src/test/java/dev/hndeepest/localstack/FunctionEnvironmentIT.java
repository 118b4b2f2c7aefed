package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.localstack.FunctionHandlers.FunctionInitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Starts a real moto_server (MotoFixture) and a local stack on it that runs no function (each left
// out) but gives each the environment template.yaml gives it; builds the handlers in this JVM with
// it, as Lambda's no-argument constructors do from System.getenv(). LambdaRuntimeIT does the same
// under the runtime interface emulator.
class FunctionEnvironmentIT {
  private static MotoFixture moto;
  private static LocalStack stack;

  @BeforeAll
  static void start() {
    moto = MotoFixture.start();
    stack = moto.stackOfEnvironments("it-env");
  }

  @AfterAll
  static void stop() {
    stack.close();
    moto.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SubmitJobFunction", "JobStatusFunction", "WorkerFunction", "WebFunction"})
  void handler_shouldStart_whenGivenExactlyItsTemplateEnvironment(String functionId) {
    var function = stack.function(functionId);

    var handler = FunctionHandlers.instantiate(function.definition(), function.environment(), Clock.systemUTC());

    assertThat(handler.getClass().getName()).isEqualTo(function.definition().handlerClass());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // The metrics' namespace and service come from Globals, as Powertools takes them on AWS.
      "SubmitJobFunction | JOBS_TABLE_NAME WORK_QUEUE_URL MAX_HOURS JOB_TTL_DAYS POWERTOOLS_METRICS_NAMESPACE POWERTOOLS_SERVICE_NAME",
      "JobStatusFunction | JOBS_TABLE_NAME JOB_TTL_DAYS POWERTOOLS_METRICS_NAMESPACE POWERTOOLS_SERVICE_NAME",
      "WorkerFunction    | JOBS_TABLE_NAME WORK_QUEUE_URL HN_API_BASE_URL HN_CONCURRENCY JOB_TTL_DAYS MAX_RECEIVE_COUNT HN_STALL_SECONDS WORKER_MAX_CONCURRENCY WORK_BATCH_SIZE POWERTOOLS_METRICS_NAMESPACE POWERTOOLS_SERVICE_NAME",
      "WebFunction       | ''"})
  void handler_shouldNameTheVariable_whenAnyVariableItNeedsIsMissing(String functionId, String neededVariables) {
    // GIVEN the function's environment without one of its variables at a time
    var function = stack.function(functionId);
    var needed = new ArrayList<String>();
    for (var variable : function.environment().keySet()) {
      var environment = new HashMap<>(function.environment());
      environment.remove(variable);

      // WHEN / THEN either it does not need it, or it fails to start naming exactly that variable
      try {
        FunctionHandlers.instantiate(function.definition(), environment, Clock.systemUTC());
      } catch (FunctionInitException e) {
        assertThat(e).hasMessage(functionId + " failed to initialise: " + variable + " is not set");
        needed.add(variable);
      }
    }
    // THEN exactly the variables its template entry sets for it are needed (the region has a fallback)
    assertThat(needed).containsExactlyInAnyOrder(neededVariables.isEmpty() ? new String[0] : neededVariables.split(" "));
  }

  @Test
  void statusFunction_shouldNotBeGivenTheQueue_becauseItNeverUsesIt() {
    assertThat(stack.function("JobStatusFunction").environment()).doesNotContainKey("WORK_QUEUE_URL");
    assertThat(stack.function("SubmitJobFunction").environment()).containsKey("WORK_QUEUE_URL");
  }

  @Test
  void environment_shouldHoldTheTemplatesVariablesAndLambdasOwn_andNothingOfThisProcess() {
    var environment = stack.function("WorkerFunction").environment();

    assertThat(environment.keySet()).containsExactlyInAnyOrder(
        // template.yaml: Globals and WorkerFunction
        "JOBS_TABLE_NAME", "JOB_TTL_DAYS", "POWERTOOLS_SERVICE_NAME", "POWERTOOLS_LOG_LEVEL",
        "POWERTOOLS_METRICS_NAMESPACE", "JAVA_TOOL_OPTIONS", "HN_API_BASE_URL", "HN_CONCURRENCY", "WORK_QUEUE_URL",
        "MAX_RECEIVE_COUNT", "HN_STALL_SECONDS", "HN_SNAPSHOT_END", "WORKER_MAX_CONCURRENCY", "WORK_BATCH_SIZE",
        // what Lambda's runtime sets
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_EXECUTION_ENV", "_HANDLER", "TZ",
        // the emulator, the one local addition
        "AWS_ENDPOINT_URL");
    assertThat(environment).containsEntry("JOBS_TABLE_NAME", stack.resources().tableName("JobsTable"))
        .containsEntry("WORK_QUEUE_URL", stack.resources().queueUrl("WorkQueue"))
        .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "2048")
        .containsEntry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + stack.resources().stackName() + "-Worker");
  }

  @Test
  void stack_shouldFailToStartNamingTheFunctionAndVariable_whenTheTemplateDoesNotGiveAVariableItNeeds(
      @TempDir Path dir) throws Exception {
    // GIVEN a template.yaml whose submit function lost its WORK_QUEUE_URL (the first one in the file)
    var source = Files.readString(MotoFixture.ROOT.resolve("template.yaml"));
    var line = "          WORK_QUEUE_URL: !Ref WorkQueue\n";
    assertThat(source.indexOf(line)).isLessThan(source.indexOf("  JobStatusFunction:"));
    var broken = dir.resolve("template.yaml");
    Files.writeString(broken, source.replaceFirst(java.util.regex.Pattern.quote(line), ""));

    // WHEN / THEN the local stack refuses to start, as Lambda would fail the function's init
    assertThatThrownBy(() -> LocalStack.start(moto.stack("it-env").templateFile(broken).build()))
        .isInstanceOf(FunctionInitException.class)
        .hasMessage("SubmitJobFunction failed to initialise: WORK_QUEUE_URL is not set");
  }
}
