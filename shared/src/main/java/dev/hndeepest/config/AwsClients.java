package dev.hndeepest.config;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the AWS SDK clients, once per container. One HTTP client implementation (URL connection:
 * smallest cold start); region, endpoint and credentials from {@link AwsSettings}; no interceptors
 * of its own (the development harness meters its JVM's clients through the SDK's global ones).
 */
public final class AwsClients {
  private AwsClients() {}

  public static DynamoDbClient dynamoDb(AwsSettings aws) {
    var builder =
        DynamoDbClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(aws.region())
            .credentialsProvider(aws.credentials());
    aws.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  public static SqsClient sqs(AwsSettings aws) {
    var builder =
        SqsClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(aws.region())
            .credentialsProvider(aws.credentials());
    aws.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
