package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.fail;

import dev.hndeepest.config.AwsClients;
import dev.hndeepest.localstack.template.StackTemplate;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A moto server started for one test class, with the administrator's clients pointed at it, and
 * fresh stacks or resources per test, all from template.yaml.
 */
final class MotoFixture implements AutoCloseable {
  /** The tests' MaxReceiveCount, set as a deployer would (it is also the template's default). */
  static final int MAX_RECEIVE_COUNT = 3;
  static final RepositoryRoot ROOT = RepositoryRoot.locate();

  final MotoServer moto;
  final SqsClient sqs;
  final DynamoDbClient dynamoDb;

  private MotoFixture(MotoServer moto) {
    this.moto = moto;
    this.sqs = AwsClients.sqs(moto.access().administratorSettings());
    this.dynamoDb = AwsClients.dynamoDb(moto.access().administratorSettings());
  }

  /** Always a fresh moto_server from the project venv, whatever AWS_ENDPOINT_URL says. */
  static MotoFixture start() {
    return new MotoFixture(MotoServer.start());
  }

  /** Options for a local stack on this moto, with its own resources, the API on a free port and 1 s long polls. */
  LocalStackOptions.Builder stack(String prefix) {
    return LocalStackOptions.builder()
        .emulator(moto.access())
        .stackName(uniqueStackName(prefix))
        .parameter("MaxReceiveCount", Integer.toString(MAX_RECEIVE_COUNT))
        .apiPort(0)
        .receiveWait(Duration.ofSeconds(1));
  }

  /**
   * A stack on this moto that runs none of the template's functions but holds each one's resources,
   * role and environment, for tests that build or run the handlers themselves.
   */
  LocalStack stackOfEnvironments(String prefix) {
    var options = stack(prefix);
    StackTemplate.load(ROOT, Map.of()).functions().forEach(function -> options.leaveOut(function.logicalId()));
    return LocalStack.start(options.build());
  }

  /** The template's table and queues under a stack name no other test uses. */
  LocalResources freshResources(Duration visibilityTimeout) {
    var template = StackTemplate.load(ROOT, Map.of("WorkQueueVisibilityTimeout",
        Long.toString(visibilityTimeout.toSeconds()), "MaxReceiveCount", Integer.toString(MAX_RECEIVE_COUNT)));
    return LocalResources.provision(template, uniqueStackName("it"), dynamoDb, sqs);
  }

  static String uniqueStackName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Visible plus in-flight messages. */
  int messagesIn(String queueUrl) {
    var attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  /** Visible and in-flight messages, for a failure message. */
  String queueCounts(String queueUrl) {
    return sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings().toString();
  }

  static void await(String what, Duration deadline, BooleanSupplier condition) {
    await(what, deadline, condition, () -> "");
  }

  /** Waits for the condition; on giving up, the failure says {@code state} too. */
  static void await(String what, Duration deadline, BooleanSupplier condition, Supplier<String> state) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("gave up after " + deadline + " waiting for: " + what + " " + state.get());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for: " + what);
      }
    }
  }

  @Override
  public void close() {
    sqs.close();
    dynamoDb.close();
    moto.close();
  }
}
