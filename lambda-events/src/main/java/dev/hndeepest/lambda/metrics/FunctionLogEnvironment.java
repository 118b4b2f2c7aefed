package dev.hndeepest.lambda.metrics;

import dev.hndeepest.config.Environment;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;

/**
 * Where the EMF lines go: the function's log, through the logger {@value #LOGGER}. The functions'
 * log4j2.xml writes that logger's lines to stdout as they are (CloudWatch Logs reads EMF from there);
 * the local stack's logging puts them beside the function's other lines. The function is named from its
 * own environment, not the process's, so no probe of EC2, ECS or an agent runs, here or on AWS.
 */
final class FunctionLogEnvironment implements software.amazon.cloudwatchlogs.emf.environment.Environment {
  static final String LOGGER = "hn-deepest.metrics";
  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private final String functionName;
  private final String functionVersion;
  private final ISink sink = new ISink() {
    @Override
    public void accept(MetricsContext context) {
      try {
        for (String line : context.serialize()) {
          log.info(line);
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        LoggerFactory.getLogger(FunctionLogEnvironment.class).error("metrics could not be written", e);
      }
    }

    @Override
    public CompletableFuture<Void> shutdown() {
      return CompletableFuture.completedFuture(null);
    }
  };

  private FunctionLogEnvironment(String functionName, String functionVersion) {
    this.functionName = functionName;
    this.functionVersion = functionVersion;
  }

  static FunctionLogEnvironment of(Environment env) {
    return new FunctionLogEnvironment(env.text("AWS_LAMBDA_FUNCTION_NAME").orElse("unknown"),
        env.text("AWS_LAMBDA_FUNCTION_VERSION").orElse(null));
  }

  /** A fresh Powertools metrics instance writing here: one per flush, so invocations never share one. */
  Metrics newMetrics() {
    var self = this;
    return new EmfMetricsLogger(new EnvironmentProvider() {
      @Override
      public CompletableFuture<software.amazon.cloudwatchlogs.emf.environment.Environment> resolveEnvironment() {
        return CompletableFuture.completedFuture(self);
      }
    }, new MetricsContext());
  }

  @Override
  public boolean probe() {
    return true;
  }

  @Override
  public String getName() {
    return functionName;
  }

  @Override
  public String getType() {
    return "AWS::Lambda::Function";
  }

  @Override
  public String getLogGroupName() {
    return functionName;
  }

  @Override
  public void configureContext(MetricsContext context) {
    if (functionVersion != null) {
      context.putProperty("functionVersion", functionVersion);
    }
  }

  @Override
  public ISink getSink() {
    return sink;
  }
}
