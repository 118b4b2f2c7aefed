package dev.hndeepest.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * One {@code AWS::Lambda::EventSourceMapping}: which queue feeds which function, and how. Absent
 * properties take Lambda's defaults for SQS (batches of 10, no batching window, no concurrency
 * cap, no partial batch responses, enabled).
 *
 * @param functionLogicalId the function behind {@code FunctionName} (through its alias)
 */
public record EventSourceMappingDefinition(String logicalId, String functionLogicalId, JsonNode properties) {
  static final int DEFAULT_BATCH_SIZE = 10;

  static EventSourceMappingDefinition of(String logicalId, JsonNode properties, StackTemplate template) {
    var target = properties.path("FunctionName").path("Ref").asText();
    var function = template.functionBehind(target).orElseThrow(() -> new UnsupportedTemplateException(
        logicalId + ": FunctionName must be a Ref to a function, alias or version of the template, got "
            + properties.path("FunctionName")));
    return new EventSourceMappingDefinition(logicalId, function, properties);
  }

  /** {@code EventSourceArn}, resolved: the queue's ARN. */
  public String eventSourceArn(Intrinsics intrinsics) {
    return intrinsics.text(properties.path("EventSourceArn"));
  }

  /** The logical id of the queue {@code EventSourceArn: !GetAtt Queue.Arn} names. */
  public String queueLogicalId() {
    var source = properties.path("EventSourceArn").path("Fn::GetAtt");
    if (!source.isArray() || source.isEmpty()) {
      throw new UnsupportedTemplateException(logicalId + ": the local stack needs EventSourceArn: !GetAtt <queue>.Arn");
    }
    return source.get(0).asText();
  }

  public int batchSize(Intrinsics intrinsics) {
    return properties.has("BatchSize") ? Integer.parseInt(intrinsics.text(properties.get("BatchSize")))
        : DEFAULT_BATCH_SIZE;
  }

  public Duration maximumBatchingWindow(Intrinsics intrinsics) {
    return properties.has("MaximumBatchingWindowInSeconds")
        ? Duration.ofSeconds(Long.parseLong(intrinsics.text(properties.get("MaximumBatchingWindowInSeconds"))))
        : Duration.ZERO;
  }

  /** {@code ScalingConfig.MaximumConcurrency}: the most invocations at once; empty when uncapped. */
  public OptionalInt maximumConcurrency(Intrinsics intrinsics) {
    var value = properties.path("ScalingConfig").path("MaximumConcurrency");
    return value.isMissingNode() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(intrinsics.text(value)));
  }

  /** {@code FunctionResponseTypes} holds {@code ReportBatchItemFailures}. */
  public boolean reportsBatchItemFailures(Intrinsics intrinsics) {
    for (var type : intrinsics.resolve(properties.path("FunctionResponseTypes"))) {
      if (type.asText().equals("ReportBatchItemFailures")) {
        return true;
      }
    }
    return false;
  }

  public boolean enabled(Intrinsics intrinsics) {
    return !properties.has("Enabled") || Boolean.parseBoolean(intrinsics.text(properties.get("Enabled")));
  }
}
