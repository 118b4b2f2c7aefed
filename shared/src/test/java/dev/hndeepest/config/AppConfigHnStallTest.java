package dev.hndeepest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.hn.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HN_STALL_SECONDS: how long a worker delivery goes on without any successful HN request. */
class AppConfigHnStallTest {

  @Test
  void hnStallTimeout_shouldBeTheWorkersDefault_whenNotSet() {
    assertThat(AppConfig.from(Map.of()).hnStallTimeout()).isEqualTo(RetryPolicy.WORKER_STALL_TIMEOUT)
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void hnStallTimeout_shouldFollowTheVariable_andSurviveTheConfigsCopies() {
    var config = AppConfig.from(Map.of("HN_STALL_SECONDS", "5"));

    assertThat(config.hnStallTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.withResources("t", "q").hnStallTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void from_shouldRefuse_whenHnStallSecondsIsNotAPositiveInteger() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("HN_STALL_SECONDS", "0")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("HN_STALL_SECONDS");
    assertThatThrownBy(() -> AppConfig.from(Map.of("HN_STALL_SECONDS", "soon")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("HN_STALL_SECONDS");
  }
}
