package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hndeepest.config.AppConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@link LocalStack#start} runs: which emulator, the resource names and visibility timeout,
 * the API bridge and pollers, and the factories that build the three functions' handlers from the
 * {@link AppConfig} the local stack provisions. A function without a factory is not served.
 *
 * @param baseConfig settings the stack keeps (HN API, MAX_HOURS, MAX_RECEIVE_COUNT, TTL); its
 *     AWS endpoint, region, table and queue are replaced by the local ones
 * @param awsEndpoint an emulator to reuse; empty starts moto from the project venv
 */
public record LocalStackOptions(
    AppConfig baseConfig,
    Optional<URI> awsEndpoint,
    String resourcePrefix,
    Duration visibilityTimeout,
    BridgeSettings api,
    PollerSettings worker,
    Optional<ApiHandlerFactory> submitHandler,
    Optional<ApiHandlerFactory> statusHandler,
    Optional<WorkerHandlerFactory> workerHandler) {

  /** Builds an API function's handler from the local configuration, e.g. {@code config -> new SubmitJobHandler(...)}. */
  @FunctionalInterface
  public interface ApiHandlerFactory
      extends Function<AppConfig, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> {}

  /** Builds the worker function's handler from the local configuration. */
  @FunctionalInterface
  public interface WorkerHandlerFactory extends Function<AppConfig, RequestHandler<SQSEvent, SQSBatchResponse>> {}

  public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);

  public LocalStackOptions {
    Objects.requireNonNull(baseConfig, "baseConfig");
    Objects.requireNonNull(awsEndpoint, "awsEndpoint");
    ResourceNames.withPrefix(resourcePrefix);
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(submitHandler, "submitHandler");
    Objects.requireNonNull(statusHandler, "statusHandler");
    Objects.requireNonNull(workerHandler, "workerHandler");
  }

  /**
   * Defaults: built-in AppConfig defaults, a fresh moto, prefix {@code hn-deepest-local}, 30 s
   * visibility, the API on 127.0.0.1:3000, 4 workers, no handlers yet.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Fluent construction of {@link LocalStackOptions}. */
  public static final class Builder {
    private AppConfig baseConfig = AppConfig.from(Map.of());
    private Optional<URI> awsEndpoint = Optional.empty();
    private String resourcePrefix = ResourceNames.DEFAULT_PREFIX;
    private Duration visibilityTimeout = DEFAULT_VISIBILITY_TIMEOUT;
    private BridgeSettings api = BridgeSettings.defaults();
    private PollerSettings worker = PollerSettings.defaults();
    private ApiHandlerFactory submitHandler;
    private ApiHandlerFactory statusHandler;
    private WorkerHandlerFactory workerHandler;

    private Builder() {}

    /** Takes the base configuration from these variables, and reuses {@code AWS_ENDPOINT_URL} when set. */
    public Builder environment(Map<String, String> env) {
      baseConfig = AppConfig.from(env);
      awsEndpoint = baseConfig.awsEndpoint();
      return this;
    }

    public Builder baseConfig(AppConfig config) {
      baseConfig = config;
      return this;
    }

    /** Reuses the emulator at this endpoint instead of starting moto. */
    public Builder awsEndpoint(URI endpoint) {
      awsEndpoint = Optional.of(endpoint);
      return this;
    }

    public Builder resourcePrefix(String prefix) {
      resourcePrefix = prefix;
      return this;
    }

    public Builder visibilityTimeout(Duration timeout) {
      visibilityTimeout = timeout;
      return this;
    }

    /** 0 picks a free port. */
    public Builder apiPort(int port) {
      api = api.withPort(port);
      return this;
    }

    public Builder api(BridgeSettings settings) {
      api = settings;
      return this;
    }

    public Builder workers(int count) {
      worker = worker.withWorkers(count);
      return this;
    }

    public Builder receiveWait(Duration wait) {
      worker = worker.withReceiveWait(wait);
      return this;
    }

    public Builder worker(PollerSettings settings) {
      worker = settings;
      return this;
    }

    public Builder submitHandler(ApiHandlerFactory factory) {
      submitHandler = factory;
      return this;
    }

    public Builder statusHandler(ApiHandlerFactory factory) {
      statusHandler = factory;
      return this;
    }

    public Builder workerHandler(WorkerHandlerFactory factory) {
      workerHandler = factory;
      return this;
    }

    public LocalStackOptions build() {
      return new LocalStackOptions(baseConfig, awsEndpoint, resourcePrefix, visibilityTimeout, api, worker,
          Optional.ofNullable(submitHandler), Optional.ofNullable(statusHandler), Optional.ofNullable(workerHandler));
    }
  }
}
