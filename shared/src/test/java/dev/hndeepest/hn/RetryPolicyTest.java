package dev.hndeepest.hn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy defaults = RetryPolicy.defaults();

  @Test
  void backoffCap_shouldDoubleFromInitial_untilMaxBackoff() {
    // WHEN / THEN
    assertThat(defaults.backoffCap(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(defaults.backoffCap(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(defaults.backoffCap(5)).isEqualTo(Duration.ofMillis(1600));
    assertThat(defaults.backoffCap(6)).isEqualTo(Duration.ofMillis(3200));
    assertThat(defaults.backoffCap(7)).isEqualTo(Duration.ofSeconds(4));
    assertThat(defaults.backoffCap(8)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void defaults_shouldGiveUpAfterThirtySecondsWithoutProgress() {
    assertThat(defaults.stallTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.withStallTimeout(Duration.ofSeconds(5)).stallTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void backoffCap_shouldSaturateAtMaxBackoff_whenRetryNumberHuge() {
    assertThat(defaults.backoffCap(64)).isEqualTo(Duration.ofSeconds(4));
    assertThat(defaults.backoffCap(10_000)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void delayBeforeRetry_shouldStayWithinZeroAndCap_forEveryDraw() {
    // GIVEN a seeded source so the test is repeatable
    var random = new SplittableRandom(20250101);

    for (int retry = 1; retry <= 8; retry++) {
      Duration cap = defaults.backoffCap(retry);
      Duration shortest = cap;
      Duration longest = Duration.ZERO;

      // WHEN
      for (int draw = 0; draw < 5_000; draw++) {
        Duration delay = defaults.delayBeforeRetry(retry, Optional.empty(), random);
        shortest = delay.compareTo(shortest) < 0 ? delay : shortest;
        longest = delay.compareTo(longest) > 0 ? delay : longest;
      }

      // THEN within [0, cap], and spread across it (full jitter, not a fixed delay)
      assertThat(shortest).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(cap.dividedBy(10));
      assertThat(longest).isLessThanOrEqualTo(cap).isGreaterThan(cap.multipliedBy(9).dividedBy(10));
    }
  }

  @Test
  void delayBeforeRetry_shouldFollowRetryAfter_whenShorterThanMaxBackoff() {
    Duration delay = defaults.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(2)), new SplittableRandom(1));

    assertThat(delay).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void delayBeforeRetry_shouldCapRetryAfterAtMaxBackoff_whenServerAsksForLonger() {
    Duration delay = defaults.delayBeforeRetry(1, Optional.of(Duration.ofHours(1)), new SplittableRandom(1));

    assertThat(delay).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void constructor_shouldReject_whenValuesMakeNoSense() {
    var second = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, second, second))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), second, second))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
    assertThatThrownBy(() -> new RetryPolicy(second, Duration.ofDays(2), second))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
    assertThatThrownBy(() -> new RetryPolicy(second, second, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stallTimeout");
    assertThatThrownBy(() -> new RetryPolicy(second, second, Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stallTimeout");
  }
}
