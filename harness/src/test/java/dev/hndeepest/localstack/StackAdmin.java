package dev.hndeepest.localstack;

import dev.hndeepest.config.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The administrator's SQS and DynamoDB clients on a local stack's emulator, for tests to look behind the API. */
record StackAdmin(SqsClient sqs, DynamoDbClient dynamoDb) implements AutoCloseable {

  static StackAdmin of(LocalStack stack) {
    var settings = stack.emulatorAccess().administratorSettings();
    return new StackAdmin(AwsClients.sqs(settings), AwsClients.dynamoDb(settings));
  }

  @Override
  public void close() {
    sqs.close();
    dynamoDb.close();
  }
}
