package dev.hndeepest.localstack;

import dev.hndeepest.localstack.template.FunctionDefinition;
import dev.hndeepest.localstack.template.UnsupportedTemplateException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The environment one function runs with: the variables its template entry gives it (with
 * {@code Globals}), resolved for this deployment, then the ones Lambda's runtime sets itself
 * (region, the credentials of the function's role, its name, memory, log group ...), then
 * {@code AWS_ENDPOINT_URL}, the one variable the local stack adds, pointing the SDK at the
 * emulator as {@code sam local invoke --env-vars} would. Nothing else of this process leaks in.
 */
public final class LambdaEnvironment {
  /** Variables Lambda sets and refuses in a function's configuration (AWS Lambda developer guide). */
  static final Set<String> RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION",
      "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
      "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
      "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
      "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
  public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

  private LambdaEnvironment() {}

  /**
   * @param credentials what Lambda would hand the function: its role's temporary credentials
   * @param awsEndpoint the emulator
   */
  public static Map<String, String> of(FunctionDefinition function, LocalResources resources,
      AwsCredentials credentials, URI awsEndpoint) {
    var intrinsics = resources.intrinsics();
    var declared = function.environment(intrinsics);
    var refused = new TreeSet<>(declared.keySet());
    refused.retainAll(RESERVED);
    if (!refused.isEmpty()) {
      throw new UnsupportedTemplateException(function.logicalId() + " sets reserved variables " + refused
          + ", which Lambda refuses");
    }
    var name = resources.physicalName(function.logicalId());
    var environment = new LinkedHashMap<>(declared);
    environment.put("AWS_REGION", LocalResources.REGION);
    environment.put("AWS_DEFAULT_REGION", LocalResources.REGION);
    environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
    environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
    if (credentials instanceof AwsSessionCredentials session) {
      environment.put("AWS_SESSION_TOKEN", session.sessionToken());
    }
    environment.put("AWS_LAMBDA_FUNCTION_NAME", name);
    environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMb(intrinsics)));
    environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    environment.put("AWS_LAMBDA_LOG_GROUP_NAME", function.logGroup(intrinsics).orElse("/aws/lambda/" + name));
    environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.properties().path("Runtime").asText("java21"));
    environment.put("_HANDLER", function.handler());
    environment.put("TZ", ":UTC");
    environment.put(ENDPOINT_VARIABLE, awsEndpoint.toString());
    return environment;
  }
}
