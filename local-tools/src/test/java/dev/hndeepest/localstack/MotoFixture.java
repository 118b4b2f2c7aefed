package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.fail;

import dev.hndeepest.config.AppConfig;
import dev.hndeepest.config.AwsClients;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A moto server started for one test class, with clients pointed at it and fresh resources per test. */
final class MotoFixture implements AutoCloseable {
  static final int MAX_RECEIVE_COUNT = 3;

  final MotoServer moto;
  final AppConfig emulatorConfig;
  final SqsClient sqs;
  final DynamoDbClient dynamoDb;

  private MotoFixture(MotoServer moto) {
    this.moto = moto;
    EmulatorCredentials.useDummyUnlessSet();
    this.emulatorConfig = LocalResources.targeting(
        AppConfig.from(Map.of("MAX_RECEIVE_COUNT", String.valueOf(MAX_RECEIVE_COUNT))), moto.endpoint());
    this.sqs = AwsClients.sqs(emulatorConfig);
    this.dynamoDb = AwsClients.dynamoDb(emulatorConfig);
  }

  /** Always a fresh moto_server from the project venv, whatever AWS_ENDPOINT_URL says. */
  static MotoFixture start() {
    return new MotoFixture(MotoServer.start());
  }

  /** A table and queues no other test uses. */
  ProvisionedResources freshResources(Duration visibilityTimeout) {
    return new LocalResources(dynamoDb, sqs).provision(emulatorConfig, uniqueNames(), visibilityTimeout);
  }

  static ResourceNames uniqueNames() {
    return ResourceNames.withPrefix("it-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** Visible plus in-flight messages. */
  int messagesIn(String queueUrl) {
    var attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  static void await(String what, Duration deadline, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("gave up after " + deadline + " waiting for: " + what);
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
