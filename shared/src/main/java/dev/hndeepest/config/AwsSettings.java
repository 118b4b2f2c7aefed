package dev.hndeepest.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where and as whom a component calls AWS, read from its environment as the SDK would read the
 * process's: {@code AWS_REGION}, {@code AWS_ENDPOINT_URL}, and the role credentials Lambda puts in
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN}. Without those
 * (a SnapStart function, whose runtime serves them through the container credentials endpoint
 * instead) the SDK's default chain is used.
 */
public record AwsSettings(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {

  public static AwsSettings from(Environment env) {
    var region = env.text("AWS_REGION").or(() -> env.text("AWS_DEFAULT_REGION"))
        .orElseThrow(() -> new MissingVariableException("AWS_REGION"));
    return new AwsSettings(Region.of(region), env.uri("AWS_ENDPOINT_URL"), credentials(env));
  }

  private static AwsCredentialsProvider credentials(Environment env) {
    var accessKey = env.text("AWS_ACCESS_KEY_ID");
    var secretKey = env.text("AWS_SECRET_ACCESS_KEY");
    if (accessKey.isEmpty() || secretKey.isEmpty()) {
      return DefaultCredentialsProvider.builder().build();
    }
    var token = env.text("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(token.isPresent()
        ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), token.get())
        : AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
  }
}
