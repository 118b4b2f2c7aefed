package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.hndeepest.localstack.template.FunctionDefinition;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * A function of the template as the local stack runs it.
 *
 * @param name its physical name ({@code <stack name>-<logical id>})
 * @param environment exactly what it gets: see {@link LambdaEnvironment}
 * @param credentials its role's, assumed as Lambda assumes it (also in {@code environment})
 * @param factory builds one handler instance per execution environment from {@code environment}
 */
public record LocalFunction(FunctionDefinition definition, String name, Map<String, String> environment,
    AwsCredentials credentials, Duration timeout, int memoryMb, LocalStackOptions.HandlerFactory factory) {

  public LocalFunction {
    environment = Map.copyOf(environment);
  }

  public String logicalId() {
    return definition.logicalId();
  }

  /** A new execution environment's handler, typed by the event source that invokes it. */
  <I, O> RequestHandler<I, O> newHandler() {
    return LocalStack.typed(factory.create(environment));
  }
}
