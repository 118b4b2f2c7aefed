package dev.hndeepest.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code AWS::Lambda::Function} of the translated template; values are resolved for a
 * deployment by the {@link Intrinsics} passed in. Absent properties take CloudFormation's
 * defaults (3 s timeout, 128 MB).
 *
 * @param codeUri the SAM {@code CodeUri}, e.g. {@code submit-function/}
 */
public record FunctionDefinition(String logicalId, JsonNode properties, String codeUri) {
  static final int DEFAULT_TIMEOUT_SECONDS = 3;
  static final int DEFAULT_MEMORY_MB = 128;

  static FunctionDefinition of(String logicalId, JsonNode properties, String codeUri) {
    return new FunctionDefinition(logicalId, properties, codeUri);
  }

  /** {@code Handler}, e.g. {@code dev.hndeepest.submit.SubmitJobHandler::handleRequest}. */
  public String handler() {
    return properties.path("Handler").asText();
  }

  /** The class part of the handler. */
  public String handlerClass() {
    var handler = handler();
    int separator = handler.indexOf("::");
    return separator < 0 ? handler : handler.substring(0, separator);
  }

  /** The method part of the handler; {@code handleRequest} when none is named. */
  public String handlerMethod() {
    var handler = handler();
    int separator = handler.indexOf("::");
    return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
  }

  /** {@code Environment.Variables}, every value resolved. */
  public Map<String, String> environment(Intrinsics intrinsics) {
    var variables = new LinkedHashMap<String, String>();
    properties.path("Environment").path("Variables").fields().forEachRemaining(entry ->
        variables.put(entry.getKey(), intrinsics.text(entry.getValue())));
    return variables;
  }

  public Duration timeout(Intrinsics intrinsics) {
    return properties.has("Timeout")
        ? Duration.ofSeconds(Long.parseLong(intrinsics.text(properties.get("Timeout"))))
        : Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
  }

  public int memoryMb(Intrinsics intrinsics) {
    return properties.has("MemorySize") ? Integer.parseInt(intrinsics.text(properties.get("MemorySize")))
        : DEFAULT_MEMORY_MB;
  }

  /** The logical id of the {@code AWS::IAM::Role} that {@code Role: !GetAtt X.Arn} names. */
  public String roleLogicalId() {
    var role = properties.path("Role").path("Fn::GetAtt");
    if (!role.isArray() || role.isEmpty()) {
      throw new UnsupportedTemplateException(logicalId + ": the local stack needs Role: !GetAtt <role>.Arn, got "
          + properties.path("Role"));
    }
    return role.get(0).asText();
  }

  /** The log group {@code LoggingConfig.LogGroup} names, resolved. */
  public Optional<String> logGroup(Intrinsics intrinsics) {
    var logGroup = properties.path("LoggingConfig").path("LogGroup");
    return logGroup.isMissingNode() ? Optional.empty() : Optional.of(intrinsics.text(logGroup));
  }
}
