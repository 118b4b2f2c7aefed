package dev.hndeepest.config;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the AWS SDK clients, once per container. One HTTP client implementation (URL connection:
 * smallest cold start); endpoint override from {@code AWS_ENDPOINT_URL} for moto or LocalStack.
 */
public final class AwsClients {
  private AwsClients() {}

  public static DynamoDbClient dynamoDb(AppConfig config) {
    var builder =
        DynamoDbClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(c -> c.addExecutionInterceptor(AwsCallCounter.INSTANCE))
            .region(Region.of(config.awsRegion()));
    config.awsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  public static SqsClient sqs(AppConfig config) {
    var builder =
        SqsClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(c -> c.addExecutionInterceptor(AwsCallCounter.INSTANCE))
            .region(Region.of(config.awsRegion()));
    config.awsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
