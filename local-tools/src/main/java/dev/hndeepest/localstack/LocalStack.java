package dev.hndeepest.localstack;

import dev.hndeepest.config.AppConfig;
import dev.hndeepest.config.AwsClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The job API running on one machine without Docker: an AWS emulator (moto started here, or one
 * reused), the table and queues of {@code template.yaml}, the API handlers behind a local API
 * Gateway and the worker behind a local SQS event source mapping, all in this JVM.
 *
 * <p>Credentials: clients use the SDK's default chain; {@link EmulatorCredentials} sets the
 * {@code aws.accessKeyId}/{@code aws.secretAccessKey} system properties to dummies unless set.
 */
public final class LocalStack implements AutoCloseable {
  public static final String SUBMIT_FUNCTION = "submit-function";
  public static final String STATUS_FUNCTION = "status-function";
  public static final String JOBS_RESOURCE = "/jobs";
  /** Must match the path parameter the status handler reads and {@code template.yaml} declares. */
  public static final String JOB_RESOURCE = "/jobs/{id}";

  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final MotoServer emulator;
  private final SqsClient sqs;
  private final DynamoDbClient dynamoDb;
  private final ProvisionedResources resources;
  private final ApiGatewayBridge api;
  private final SqsEventSourcePoller worker;

  private LocalStack(MotoServer emulator, SqsClient sqs, DynamoDbClient dynamoDb, ProvisionedResources resources,
      ApiGatewayBridge api, SqsEventSourcePoller worker) {
    this.emulator = emulator;
    this.sqs = sqs;
    this.dynamoDb = dynamoDb;
    this.resources = resources;
    this.api = api;
    this.worker = worker;
  }

  /** Starts (or reuses) the emulator, provisions the resources, then serves the API and polls the queue. */
  public static LocalStack start(LocalStackOptions options) {
    EmulatorCredentials.useDummyUnlessSet();
    var started = new ArrayList<AutoCloseable>();
    try {
      var emulator = MotoServer.startOrReuse(options.awsEndpoint());
      started.add(emulator);
      var emulatorConfig = LocalResources.targeting(options.baseConfig(), emulator.endpoint());
      var sqs = AwsClients.sqs(emulatorConfig);
      started.add(sqs);
      var dynamoDb = AwsClients.dynamoDb(emulatorConfig);
      started.add(dynamoDb);
      var resources = new LocalResources(dynamoDb, sqs)
          .provision(emulatorConfig, ResourceNames.withPrefix(options.resourcePrefix()), options.visibilityTimeout());
      var config = resources.appConfig();

      var routes = new ArrayList<ApiRoute>();
      options.submitHandler().ifPresent(factory ->
          routes.add(ApiRoute.of("POST", JOBS_RESOURCE, SUBMIT_FUNCTION, () -> factory.apply(config))));
      options.statusHandler().ifPresent(factory ->
          routes.add(ApiRoute.of("GET", JOB_RESOURCE, STATUS_FUNCTION, () -> factory.apply(config))));
      if (routes.size() < 2) {
        LOG.warn("not every API function is plugged in: only {}", routes.stream().map(ApiRoute::functionName).toList());
      }
      var api = ApiGatewayBridge.start(options.api(), routes);
      started.add(api);

      SqsEventSourcePoller worker = null;
      if (options.workerHandler().isPresent()) {
        var factory = options.workerHandler().get();
        worker = SqsEventSourcePoller.start(sqs, config.requireWorkQueueUrl(), config.awsRegion(),
            () -> factory.apply(config), options.worker());
      } else {
        LOG.warn("no worker handler: messages stay in {}", config.requireWorkQueueUrl());
      }
      LOG.info("local stack up: API {} | AWS {} ({}) | table {} | queue {}", api.baseUrl(), emulator.endpoint(),
          emulator.startedHere() ? "moto started here" : "reused", config.requireJobsTableName(),
          config.requireWorkQueueUrl());
      return new LocalStack(emulator, sqs, dynamoDb, resources, api, worker);
    } catch (RuntimeException e) {
      closeInReverse(started);
      throw e;
    }
  }

  /** Where clients send {@code POST /jobs} and {@code GET /jobs/{id}}. */
  public URI apiBaseUrl() {
    return api.baseUrl();
  }

  /** The configuration the handlers were built with: emulator endpoint, region, table, queue. */
  public AppConfig appConfig() {
    return resources.appConfig();
  }

  /** The provisioned table and queues, the dead-letter queue included. */
  public ProvisionedResources resources() {
    return resources;
  }

  public URI awsEndpoint() {
    return emulator.endpoint();
  }

  /** True when this stack started the emulator (and so stops it on close). */
  public boolean emulatorStartedHere() {
    return emulator.startedHere();
  }

  /** An SQS client on the emulator, for tests; closed with the stack. */
  public SqsClient sqs() {
    return sqs;
  }

  /** A DynamoDB client on the emulator, for tests; closed with the stack. */
  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  /** The worker's delivery counters; empty when no worker handler was plugged in. */
  public Optional<PollerStats> workerStats() {
    return Optional.ofNullable(worker).map(SqsEventSourcePoller::stats);
  }

  /** Stops the API, lets in-flight batches finish, then closes the clients and the emulator started here. */
  @Override
  public void close() {
    var parts = new ArrayList<AutoCloseable>();
    parts.add(emulator);
    parts.add(sqs);
    parts.add(dynamoDb);
    if (worker != null) {
      parts.add(worker);
    }
    parts.add(api);
    closeInReverse(parts);
  }

  private static void closeInReverse(ArrayList<AutoCloseable> parts) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        LOG.warn("closing {} failed", parts.get(i).getClass().getSimpleName(), e);
      }
    }
  }
}
