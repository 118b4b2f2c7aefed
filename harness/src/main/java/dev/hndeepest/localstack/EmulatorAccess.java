package dev.hndeepest.localstack;

import dev.hndeepest.config.AwsSettings;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * How to reach an AWS emulator and as whom to set it up: its endpoint and the credentials of its
 * administrator (who creates the table, the queues and the functions' roles, never a function).
 */
public record EmulatorAccess(URI endpoint, AwsCredentials administrator) {

  /** The same emulator behind another endpoint (a proxy in front of it). */
  public EmulatorAccess via(URI otherEndpoint) {
    return new EmulatorAccess(otherEndpoint, administrator);
  }

  /** Settings for the administrator's clients. */
  public AwsSettings administratorSettings() {
    return settings(administrator);
  }

  /** Settings for clients that call the emulator with these credentials. */
  public AwsSettings settings(AwsCredentials credentials) {
    return new AwsSettings(Region.of(LocalResources.REGION), Optional.of(endpoint),
        StaticCredentialsProvider.create(credentials));
  }
}
