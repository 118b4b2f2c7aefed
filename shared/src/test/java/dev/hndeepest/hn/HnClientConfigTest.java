package dev.hndeepest.hn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HnClientConfigTest {

  private static final URI FIREBASE = URI.create("https://hacker-news.firebaseio.com/v0");

  @Test
  void defaults_shouldAllow64InFlightAndFiveSecondAttempts() {
    var config = HnClientConfig.defaults(FIREBASE);

    assertThat(config.maxConcurrency()).isEqualTo(64);
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.retry()).isEqualTo(RetryPolicy.defaults());
  }

  @Test
  void worstCaseGiveUp_shouldAddOneAttemptToTheStallTimeout() {
    // 30 s without a successful request, plus the one attempt that may be in flight then
    assertThat(HnClientConfig.defaults(FIREBASE).worstCaseGiveUp()).isEqualTo(Duration.ofSeconds(35));
    assertThat(HnClientConfig.defaults(FIREBASE).withStallTimeout(Duration.ofSeconds(3)).worstCaseGiveUp())
        .isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void constructor_shouldReject_whenUrlNotAbsoluteHttp() {
    assertThatThrownBy(() -> HnClientConfig.defaults(URI.create("ftp://example.com/v0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://example.com/v0");
    assertThatThrownBy(() -> HnClientConfig.defaults(URI.create("/v0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    assertThatThrownBy(() -> HnClientConfig.defaults(URI.create("http://localhost:8080/v0?x=1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
  }

  @Test
  void constructor_shouldReject_whenConcurrencyOrTimeoutNotPositive() {
    var config = HnClientConfig.defaults(FIREBASE);

    assertThatThrownBy(() -> config.withMaxConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrency");
    assertThatThrownBy(() -> config.withRequestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
  }
}
