package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Duration;
import java.util.UUID;

/**
 * The Lambda {@link Context} of one in-process invocation: a fresh request id, the function's
 * name and ARN in the local account, the time left before the function's timeout, and a logger
 * that writes through SLF4J.
 */
public final class LocalLambdaContext implements Context {
  public static final String ACCOUNT_ID = "123456789012";
  private static final int DEFAULT_MEMORY_MB = 128;

  private final String awsRequestId;
  private final String functionName;
  private final long deadlineNanos;
  private final int memoryMb;
  private final LambdaLogger logger;

  private LocalLambdaContext(String awsRequestId, String functionName, Duration timeout, int memoryMb) {
    this.awsRequestId = awsRequestId;
    this.functionName = functionName;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    this.memoryMb = memoryMb;
    this.logger = new LocalLambdaLogger(functionName);
  }

  /** A context for a new invocation of {@code functionName} that times out after {@code timeout}. */
  public static LocalLambdaContext forInvocation(String functionName, Duration timeout) {
    return forInvocation(functionName, timeout, DEFAULT_MEMORY_MB);
  }

  /** The same, for a function with {@code memoryMb} of memory (its template {@code MemorySize}). */
  public static LocalLambdaContext forInvocation(String functionName, Duration timeout, int memoryMb) {
    return new LocalLambdaContext(UUID.randomUUID().toString(), functionName, timeout, memoryMb);
  }

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/[$LATEST]" + awsRequestId.substring(0, 8);
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:" + LocalResources.REGION + ":" + ACCOUNT_ID + ":function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long remaining = Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }
}
