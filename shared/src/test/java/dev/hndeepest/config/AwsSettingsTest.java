package dev.hndeepest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsSettingsTest {

  @Test
  void from_shouldTakeRegionEndpointAndRoleCredentials_whenTheEnvironmentHasThemAsLambdaSetsThem() {
    var settings = AwsSettings.from(Environment.of(Map.of("AWS_REGION", "eu-west-1",
        "AWS_ENDPOINT_URL", "http://127.0.0.1:4566/", "AWS_ACCESS_KEY_ID", "ASIAEXAMPLE",
        "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token")));

    assertThat(settings.region()).isEqualTo(Region.EU_WEST_1);
    assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:4566"));
    assertThat(settings.credentials().resolveCredentials()).isInstanceOfSatisfying(AwsSessionCredentials.class,
        credentials -> {
          assertThat(credentials.accessKeyId()).isEqualTo("ASIAEXAMPLE");
          assertThat(credentials.sessionToken()).isEqualTo("token");
        });
  }

  @Test
  void from_shouldUseTheSdksDefaultChain_whenNoKeysAreGiven() {
    // As under SnapStart, where Lambda serves credentials through the container endpoint instead
    var settings = AwsSettings.from(Environment.of(Map.of("AWS_REGION", "us-east-1")));

    assertThat(settings.credentials()).isInstanceOf(DefaultCredentialsProvider.class);
    assertThat(settings.endpoint()).isEmpty();
  }

  @Test
  void from_shouldNameTheRegion_whenNoneIsSet() {
    assertThatThrownBy(() -> AwsSettings.from(Environment.of(Map.of())))
        .isInstanceOf(MissingVariableException.class).hasMessage("AWS_REGION is not set");
  }
}
