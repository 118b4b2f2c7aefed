package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link LocalStack#start} runs: which template and parameter overrides (everything the
 * functions get comes from there), which emulator, the stack name, where the API listens, and, for
 * tests, functions whose handler is replaced or that are left out.
 *
 * @param templateFile empty: the checkout's {@code template.yaml}
 * @param parameterOverrides as {@code sam deploy --parameter-overrides}: e.g. {@code HnApiBaseUrl}
 *     pointing at a replica, a short {@code WorkQueueVisibilityTimeout}
 * @param emulator an emulator to reuse; empty starts moto from the project venv
 * @param api host, port and API Gateway's limits (the stage comes from the template)
 * @param receiveWait the event source pollers' long-poll wait (Lambda's: 20 s)
 * @param clock "now" for the functions: the system clock, or a shifted one to replay a snapshot
 * @param handlers by function logical id: a factory used instead of the template's handler class
 *     (it gets the same environment)
 * @param leftOut functions not run: their routes answer as if missing and their queues are not polled
 */
public record LocalStackOptions(
    Optional<Path> templateFile,
    Map<String, String> parameterOverrides,
    Optional<EmulatorAccess> emulator,
    String stackName,
    BridgeSettings api,
    Duration receiveWait,
    Clock clock,
    Map<String, HandlerFactory> handlers,
    Set<String> leftOut) {

  /** Builds a function's handler from the environment the template gives it, e.g. a wrapper around the real one. */
  @FunctionalInterface
  public interface HandlerFactory {
    RequestHandler<?, ?> create(Map<String, String> environment);
  }

  public static final String DEFAULT_STACK_NAME = "hn-deepest-local";
  public static final Duration DEFAULT_RECEIVE_WAIT = Duration.ofSeconds(5);

  public LocalStackOptions {
    Objects.requireNonNull(templateFile, "templateFile");
    parameterOverrides = Map.copyOf(parameterOverrides);
    Objects.requireNonNull(emulator, "emulator");
    Objects.requireNonNull(stackName, "stackName");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(receiveWait, "receiveWait");
    Objects.requireNonNull(clock, "clock");
    handlers = Map.copyOf(handlers);
    leftOut = Set.copyOf(leftOut);
  }

  /**
   * Defaults: template.yaml with its parameter defaults, a fresh moto, stack name
   * {@value #DEFAULT_STACK_NAME}, the API on 127.0.0.1:3000, 5 s long polls, the system clock.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Fluent construction of {@link LocalStackOptions}. */
  public static final class Builder {
    private Path templateFile;
    private final Map<String, String> parameterOverrides = new LinkedHashMap<>();
    private EmulatorAccess emulator;
    private String stackName = DEFAULT_STACK_NAME;
    private BridgeSettings api = BridgeSettings.defaults();
    private Duration receiveWait = DEFAULT_RECEIVE_WAIT;
    private Clock clock = Clock.systemUTC();
    private final Map<String, HandlerFactory> handlers = new LinkedHashMap<>();
    private final Set<String> leftOut = new LinkedHashSet<>();

    private Builder() {}

    /** Another template than the checkout's template.yaml (tests of the harness itself). */
    public Builder templateFile(Path file) {
      templateFile = file;
      return this;
    }

    /** One parameter value, as {@code sam deploy --parameter-overrides Name=Value}. */
    public Builder parameter(String name, String value) {
      parameterOverrides.put(name, value);
      return this;
    }

    public Builder parameters(Map<String, String> overrides) {
      parameterOverrides.putAll(overrides);
      return this;
    }

    /** Reuses this emulator instead of starting moto. */
    public Builder emulator(EmulatorAccess access) {
      emulator = access;
      return this;
    }

    /** Reuses the emulator at {@code AWS_ENDPOINT_URL} when that is set. */
    public Builder emulatorFromEnvironment(Map<String, String> env) {
      Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(value -> !value.isBlank())
          .ifPresent(endpoint -> emulator = MotoServer.reuseAccess(URI.create(endpoint), env));
      return this;
    }

    /** Names every resource ({@code <stackName>-<logical id>}), like a CloudFormation stack name. */
    public Builder stackName(String name) {
      stackName = name;
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

    public Builder receiveWait(Duration wait) {
      receiveWait = wait;
      return this;
    }

    public Builder clock(Clock functionsClock) {
      clock = functionsClock;
      return this;
    }

    /** Runs {@code factory}'s handler for the function instead of the template's handler class. */
    public Builder handler(String functionLogicalId, HandlerFactory factory) {
      handlers.put(functionLogicalId, factory);
      return this;
    }

    /** Does not run the function: no route reaches it, no poller feeds it. */
    public Builder leaveOut(String functionLogicalId) {
      leftOut.add(functionLogicalId);
      return this;
    }

    public LocalStackOptions build() {
      return new LocalStackOptions(Optional.ofNullable(templateFile), parameterOverrides, Optional.ofNullable(emulator),
          stackName, api, receiveWait, clock, handlers, leftOut);
    }
  }
}
