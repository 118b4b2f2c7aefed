package dev.hndeepest.localstack.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.config.Defaults;
import dev.hndeepest.hn.HnClientConfig;
import dev.hndeepest.hn.RetryPolicy;
import dev.hndeepest.json.Json;
import dev.hndeepest.localstack.RepositoryRoot;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Runs aws-sam-translator from the project venv (installed on first use) on the checkout's
// template.yaml; no emulator: resources resolve through a lookup that names them.
class StackTemplateIT {
  private static final RepositoryRoot ROOT = RepositoryRoot.locate();

  /** Resources as a deployment named "s" would have them, without creating any. */
  private static final ResourceLookup NAMED = new ResourceLookup() {
    @Override
    public String ref(String logicalId) {
      return "ref:" + logicalId;
    }

    @Override
    public String attribute(String logicalId, String attribute) {
      return "att:" + logicalId + "." + attribute;
    }
  };

  private static Intrinsics intrinsics(StackTemplate template) {
    return template.intrinsics(Map.of("AWS::Region", "us-east-1", "AWS::StackName", "s", "AWS::AccountId", "1",
        "AWS::Partition", "aws", "AWS::URLSuffix", "amazonaws.com"), NAMED);
  }

  @Test
  void functions_shouldHaveTheHandlerEnvironmentTimeoutAndMemoryOfTheTemplate_whenTranslated() {
    var template = StackTemplate.load(ROOT, Map.of("HnApiBaseUrl", "http://127.0.0.1:9/v0"));
    var intrinsics = intrinsics(template);

    var submit = template.function("SubmitJobFunction");
    var status = template.function("JobStatusFunction");
    var worker = template.function("WorkerFunction");

    assertThat(submit.handler()).isEqualTo("dev.hndeepest.submit.SubmitJobHandler::handleRequest");
    assertThat(submit.codeUri()).isEqualTo("submit-function/");
    // Globals and the function's own variables, every Ref resolved
    assertThat(submit.environment(intrinsics)).containsOnlyKeys("JOBS_TABLE_NAME", "JOB_TTL_DAYS",
            "POWERTOOLS_SERVICE_NAME", "POWERTOOLS_LOG_LEVEL", "POWERTOOLS_METRICS_NAMESPACE", "JAVA_TOOL_OPTIONS",
            "WORK_QUEUE_URL", "MAX_HOURS", "HN_SNAPSHOT_END")
        .containsEntry("HN_SNAPSHOT_END", "").as("a live API unless a snapshot is named")
        .containsEntry("JOBS_TABLE_NAME", "ref:JobsTable").containsEntry("WORK_QUEUE_URL", "ref:WorkQueue")
        .containsEntry("MAX_HOURS", "720").containsEntry("JOB_TTL_DAYS", "7");
    assertThat(status.environment(intrinsics)).containsOnlyKeys("JOBS_TABLE_NAME", "JOB_TTL_DAYS",
        "POWERTOOLS_SERVICE_NAME", "POWERTOOLS_LOG_LEVEL", "POWERTOOLS_METRICS_NAMESPACE", "JAVA_TOOL_OPTIONS")
        .containsEntry("POWERTOOLS_METRICS_NAMESPACE", "HnDeepest/s");
    // Short-run JIT flags, and room for HnConcurrency's maximum of idle HN connections
    assertThat(worker.environment(intrinsics).get("JAVA_TOOL_OPTIONS"))
        .contains("-XX:TieredStopAtLevel=1", "-Dhttp.maxConnections=256");
    assertThat(worker.environment(intrinsics)).containsEntry("HN_API_BASE_URL", "http://127.0.0.1:9/v0")
        .containsEntry("MAX_RECEIVE_COUNT", "3").containsEntry("HN_CONCURRENCY", "32");
    assertThat(worker.timeout(intrinsics)).isEqualTo(Duration.ofSeconds(180));
    assertThat(submit.timeout(intrinsics)).isEqualTo(Duration.ofSeconds(15));
    assertThat(worker.memoryMb(intrinsics)).isEqualTo(2048);
    assertThat(worker.roleLogicalId()).isEqualTo("WorkerFunctionRole");
    assertThat(submit.logGroup(intrinsics)).contains("ref:SubmitJobLogGroup");
  }

  @Test
  void eventSourceMapping_shouldFeedTheWorkerWithTheTemplatesSettings_whenTranslated() {
    var template = StackTemplate.load(ROOT, Map.of("WorkerMaxConcurrency", "7"));
    var intrinsics = intrinsics(template);

    var mappings = template.eventSourceMappings();

    assertThat(mappings).singleElement().satisfies(mapping -> {
      assertThat(mapping.functionLogicalId()).isEqualTo("WorkerFunction");
      assertThat(mapping.queueLogicalId()).isEqualTo("WorkQueue");
      assertThat(mapping.eventSourceArn(intrinsics)).isEqualTo("att:WorkQueue.Arn");
      assertThat(mapping.batchSize(intrinsics)).isEqualTo(5);
      assertThat(mapping.maximumBatchingWindow(intrinsics)).isZero();
      assertThat(mapping.maximumConcurrency(intrinsics)).hasValue(7);
      assertThat(mapping.reportsBatchItemFailures(intrinsics)).isTrue();
      assertThat(mapping.enabled(intrinsics)).isTrue();
    });
  }

  @Test
  void restApi_shouldRouteEachOperationToItsFunctionUnderTheStage_whenTranslated() {
    var template = StackTemplate.load(ROOT, Map.of("StageName", "prod"));

    var api = template.restApis();

    assertThat(api).singleElement().satisfies(restApi -> {
      assertThat(restApi.routes()).containsExactlyInAnyOrder(
          new RestApiDefinition.Route("POST", "/jobs", "SubmitJobFunction"),
          new RestApiDefinition.Route("GET", "/jobs/{id}", "JobStatusFunction"),
          new RestApiDefinition.Route("DELETE", "/jobs/{id}", "JobStatusFunction"),
          new RestApiDefinition.Route("GET", "/", "WebFunction"),
          new RestApiDefinition.Route("GET", "/openapi.json", "WebFunction"));
      assertThat(restApi.stageName(intrinsics(template))).isEqualTo("prod");
      assertThat(restApi.gatewayResponse("MISSING_AUTHENTICATION_TOKEN")).hasValueSatisfying(response -> {
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
      });
    });
  }

  @Test
  void intrinsics_shouldResolveSubIfAndFindInMap_asCloudFormationDoes() {
    var template = StackTemplate.load(ROOT, Map.of("StageName", "prod"));
    var intrinsics = intrinsics(template);

    assertThat(intrinsics.text(json("{\"Fn::Sub\": \"/aws/lambda/${AWS::StackName}-x/${WorkQueue.Arn}/${!Literal}\"}")))
        .isEqualTo("/aws/lambda/s-x/att:WorkQueue.Arn/${Literal}");
    assertThat(intrinsics.text(json("{\"Fn::Sub\": [\"${A}-${StageName}\", {\"A\": {\"Ref\": \"JobsTable\"}}]}")))
        .isEqualTo("ref:JobsTable-prod");
    assertThat(intrinsics.resolve(json("{\"Fn::If\": [\"IsProd\", true, false]}")).asBoolean()).isTrue();
    assertThat(intrinsics.condition("ManageApiGatewayAccount")).isFalse();
    assertThat(intrinsics.text(json("{\"Fn::FindInMap\": [\"WorkerTiming\", \"Seconds\", \"FunctionTimeout\"]}")))
        .isEqualTo("180");
    assertThat(intrinsics.resolve(json("{\"a\": {\"Ref\": \"AWS::NoValue\"}, \"b\": 1}")).has("a")).isFalse();
    assertThatThrownBy(() -> intrinsics.resolve(json("{\"Fn::Base64\": \"x\"}")))
        .isInstanceOf(UnsupportedTemplateException.class).hasMessageContaining("Fn::Base64");
  }

  @Test
  void parameters_shouldBeRefusedWithTheirNames_whenCloudFormationWouldRefuseThem() {
    assertThatThrownBy(() -> StackTemplate.load(ROOT, Map.of("HnApiBaseUrl", "ftp://x/")))
        .isInstanceOf(InvalidTemplateParameterException.class).hasMessageContaining("HnApiBaseUrl");
    assertThatThrownBy(() -> StackTemplate.load(ROOT, Map.of("StageName", "qa")))
        .hasMessageContaining("StageName").hasMessageContaining("one of");
    assertThatThrownBy(() -> StackTemplate.load(ROOT, Map.of("HnConcurrency", "many")))
        .hasMessageContaining("HnConcurrency must be a number");
  }

  @Test
  void parameterDefaults_shouldBeTheCommandLinesDefaults_whereBothExist() {
    // The functions take these from the template; the command falls back on Defaults: one answer.
    var parameters = StackTemplate.load(ROOT, Map.of()).parameters();

    assertThat(parameters.get("HnApiBaseUrl")).isEqualTo(Defaults.FIREBASE_BASE_URL);
    assertThat(parameters.get("MaxHours")).isEqualTo(Integer.toString(Defaults.MAX_HOURS));
  }

  @Test
  void hnStallSeconds_shouldEndADeadApisDeliveryWellInsideTheWorkersTimeout_evenAtItsLargestValue() {
    // A delivery gives up after the stall time plus one request's timeout; half the worker's timeout
    // stays for the work it did before the HN API died (and for marking the job FAILED).
    var largest = StackTemplate.load(ROOT, Map.of("HnStallSeconds", "85"));
    var worker = largest.function("WorkerFunction");
    var intrinsics = intrinsics(largest);
    var giveUp = HnClientConfig.defaults(URI.create(Defaults.FIREBASE_BASE_URL))
        .withRetry(RetryPolicy.defaults().withStallTimeout(
            Duration.ofSeconds(Long.parseLong(worker.environment(intrinsics).get("HN_STALL_SECONDS")))))
        .worstCaseGiveUp();

    assertThat(giveUp).isLessThanOrEqualTo(worker.timeout(intrinsics).dividedBy(2));
    var byDefault = StackTemplate.load(ROOT, Map.of());
    assertThat(byDefault.function("WorkerFunction").environment(intrinsics(byDefault)))
        .containsEntry("HN_STALL_SECONDS", "60");
    assertThatThrownBy(() -> StackTemplate.load(ROOT, Map.of("HnStallSeconds", "86")))
        .hasMessageContaining("HnStallSeconds");
  }

  private static JsonNode json(String text) {
    return Json.read(text, JsonNode.class);
  }
}
