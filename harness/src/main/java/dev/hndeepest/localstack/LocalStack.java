package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hndeepest.config.AwsClients;
import dev.hndeepest.localstack.template.StackTemplate;
import dev.hndeepest.localstack.template.UnsupportedTemplateException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job API running on one machine without Docker, as {@code template.yaml} deploys it: an AWS
 * emulator (moto started here, or one reused); the template's table and queues; each function with
 * exactly the environment, timeout and memory its template entry gives it; the REST API's routes
 * behind a local API Gateway; each SQS event source mapping as a local poller with the mapping's
 * batch size, batching window, maximum concurrency and response types. All in this JVM.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final MotoServer emulator;
  /** Everything started, in order; closed in reverse. */
  private final List<AutoCloseable> parts;
  private final LocalResources resources;
  private final Map<String, LocalFunction> functions;
  private final ApiGatewayBridge api;
  private final List<SqsEventSourcePoller> pollers;

  private LocalStack(MotoServer emulator, List<AutoCloseable> parts, LocalResources resources,
      Map<String, LocalFunction> functions, ApiGatewayBridge api, List<SqsEventSourcePoller> pollers) {
    this.emulator = emulator;
    this.parts = List.copyOf(parts);
    this.resources = resources;
    this.functions = functions;
    this.api = api;
    this.pollers = pollers;
  }

  /** Starts (or reuses) the emulator, creates the template's resources, then serves the API and polls the queues. */
  public static LocalStack start(LocalStackOptions options) {
    var started = new ArrayList<AutoCloseable>();
    try {
      var root = RepositoryRoot.locate();
      var emulator = options.emulator().map(MotoServer::reuse).orElseGet(MotoServer::start);
      started.add(emulator);
      var access = emulator.access();
      var sqs = AwsClients.sqs(access.administratorSettings());
      started.add(sqs);
      var dynamoDb = AwsClients.dynamoDb(access.administratorSettings());
      started.add(dynamoDb);
      var template = options.templateFile()
          .map(file -> StackTemplate.load(root, file, options.parameterOverrides()))
          .orElseGet(() -> StackTemplate.load(root, options.parameterOverrides()));
      var resources = LocalResources.provision(template, options.stackName(), dynamoDb, sqs);
      var roles = new LocalRoles(resources, access);
      started.add(roles);

      var functions = new LinkedHashMap<String, LocalFunction>();
      for (var function : template.functions()) {
        var credentials = roles.credentialsOf(function);
        var environment = LambdaEnvironment.of(function, resources, credentials, access.endpoint());
        var factory = Optional.ofNullable(options.handlers().get(function.logicalId()))
            .orElse(env -> FunctionHandlers.instantiate(function, env, options.clock()));
        functions.put(function.logicalId(), new LocalFunction(function, resources.physicalName(function.logicalId()),
            environment, credentials, function.timeout(resources.intrinsics()),
            function.memoryMb(resources.intrinsics()), factory));
      }

      var running = new LinkedHashMap<>(functions);
      running.keySet().removeAll(options.leftOut());
      var api = startApi(template, resources, running, options);
      started.add(api);
      var pollers = new ArrayList<SqsEventSourcePoller>();
      for (var mapping : template.eventSourceMappings()) {
        var function = running.get(mapping.functionLogicalId());
        var intrinsics = resources.intrinsics();
        if (function == null || !mapping.enabled(intrinsics)) {
          LOG.warn("{} is not polled: {} is left out or the mapping is disabled", mapping.queueLogicalId(),
              mapping.functionLogicalId());
          continue;
        }
        var settings = new PollerSettings(function.name(),
            mapping.maximumConcurrency(intrinsics).orElse(PollerSettings.defaults().workers()),
            mapping.batchSize(intrinsics), mapping.maximumBatchingWindow(intrinsics),
            mapping.reportsBatchItemFailures(intrinsics), options.receiveWait(), function.timeout());
        // The event source mapping reads and deletes with the function's own role, as on AWS.
        var functionSqs = AwsClients.sqs(access.settings(function.credentials()));
        started.add(functionSqs);
        var poller = SqsEventSourcePoller.start(functionSqs, resources.queueUrl(mapping.queueLogicalId()),
            LocalResources.REGION, () -> function.<SQSEvent, SQSBatchResponse>newHandler(), settings);
        started.add(poller);
        pollers.add(poller);
      }
      LOG.info("local stack {} up: API {} | AWS {} ({}, IAM {}) | functions {}", options.stackName(), api.baseUrl(),
          emulator.endpoint(), emulator.startedHere() ? "moto started here" : "reused",
          emulator.iamEnforced() ? "enforced" : "as the emulator does", running.keySet());
      return new LocalStack(emulator, started, resources, functions, api, pollers);
    } catch (RuntimeException e) {
      closeInReverse(started);
      throw e;
    }
  }

  private static ApiGatewayBridge startApi(StackTemplate template, LocalResources resources,
      Map<String, LocalFunction> functions, LocalStackOptions options) {
    var apis = template.restApis();
    if (apis.size() != 1) {
      throw new UnsupportedTemplateException("the local stack serves exactly one REST API; the template has "
          + apis.size());
    }
    var restApi = apis.getFirst();
    var routes = new ArrayList<ApiRoute>();
    for (var route : restApi.routes()) {
      var function = functions.get(route.functionLogicalId());
      if (function == null) {
        LOG.warn("{} {} is not served: {} is left out", route.method(), route.path(), route.functionLogicalId());
        continue;
      }
      routes.add(new ApiRoute(route.method(), ResourceTemplate.parse(route.path()), function.name(),
          function.timeout(), function.memoryMb(),
          () -> function.<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>newHandler()));
    }
    var settings = options.api().withStage(restApi.stageName(resources.intrinsics()))
        .withGatewayResponses(restApi.gatewayResponses());
    return ApiGatewayBridge.start(settings, routes);
  }

  /** Where clients send their requests: {@code http://127.0.0.1:<port>}, no stage in the path. */
  public URI apiBaseUrl() {
    return api.baseUrl();
  }

  /** The template's tables and queues in this deployment, and every Ref and attribute. */
  public LocalResources resources() {
    return resources;
  }

  /** A function as it runs here (or would, when left out): its name, environment, timeout, memory. */
  public LocalFunction function(String logicalId) {
    var function = functions.get(logicalId);
    if (function == null) {
      throw new IllegalArgumentException("no function " + logicalId + " runs in this stack: " + functions.keySet());
    }
    return function;
  }

  public URI awsEndpoint() {
    return emulator.endpoint();
  }

  /** The emulator as this stack reaches it, with the administrator's credentials. */
  public EmulatorAccess emulatorAccess() {
    return emulator.access();
  }

  /** True when the emulator was started here with IAM enforced (a reused one may enforce it too, unseen). */
  public boolean iamEnforced() {
    return emulator.iamEnforced();
  }

  /** True when this stack started the emulator (and so stops it on close). */
  public boolean emulatorStartedHere() {
    return emulator.startedHere();
  }

  /** The event source pollers' delivery counters, summed; empty when no queue is polled. */
  public Optional<PollerStats> workerStats() {
    return pollers.stream().map(SqsEventSourcePoller::stats).reduce(PollerStats::plus);
  }

  /** Time all workers spent inside their handler, added up: what Lambda would bill as duration. */
  public long workerHandlerNanos() {
    return pollers.stream().mapToLong(SqsEventSourcePoller::handlerNanos).sum();
  }

  /** Stops the pollers (in-flight batches finish) and the API, then closes the clients and the emulator started here. */
  @Override
  public void close() {
    closeInReverse(parts);
  }

  private static void closeInReverse(List<AutoCloseable> parts) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        LOG.warn("closing {} failed", parts.get(i).getClass().getSimpleName(), e);
      }
    }
  }

  /** Only here are a function's handlers typed: by the event source that invokes them. */
  @SuppressWarnings("unchecked")
  static <I, O> RequestHandler<I, O> typed(RequestHandler<?, ?> handler) {
    return (RequestHandler<I, O>) handler;
  }
}
