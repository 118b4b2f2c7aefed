package dev.hndeepest.localstack;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The administrator of a moto started with IAM enforced: an IAM user allowed every action, made
 * with the {@value #CALLS} requests moto lets through before it checks who calls. It sets up the
 * stack (table, queues, roles) and assumes the functions' roles; no function runs with it.
 */
final class EmulatorAdministrator {
  static final int CALLS = 3;
  static final String USER = "hn-deepest-local-administrator";
  private static final String EVERYTHING =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private EmulatorAdministrator() {}

  /** Creates the administrator in exactly {@value #CALLS} requests (no retries: a retry would be checked). */
  static AwsCredentials create(URI endpoint) {
    try (var iam = IamClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(MotoServer.ANYONE))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build()) {
      iam.createUser(request -> request.userName(USER));
      iam.putUserPolicy(request -> request.userName(USER).policyName("everything").policyDocument(EVERYTHING));
      var key = iam.createAccessKey(request -> request.userName(USER)).accessKey();
      return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }
  }

  /** The administrator's ARN in the local account, which the functions' roles trust. */
  static String arn() {
    return "arn:aws:iam::" + LocalResources.ACCOUNT_ID + ":user/" + USER;
  }
}
