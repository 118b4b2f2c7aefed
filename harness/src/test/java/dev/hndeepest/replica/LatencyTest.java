package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatencyTest {

  @Test
  void draw_shouldHaveTheMeanAndAHeavyTail_whenLogNormal() {
    // GIVEN mean 20 ms, sigma 0.97
    var latency = Latency.logNormal(Duration.ofMillis(20), 0.97);

    // WHEN 200,000 requests draw their delays
    double[] millis = new double[200_000];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = latency.draw(i).toNanos() / 1e6;
    }
    Arrays.sort(millis);

    // THEN the mean is 20 ms and the p99 six times that, as the formula says
    assertThat(Arrays.stream(millis).average().orElseThrow()).isCloseTo(20, within(0.4));
    assertThat(latency.p99OverMean()).isCloseTo(6.0, within(0.05));
    assertThat(millis[(int) (millis.length * 0.99)]).isCloseTo(20 * latency.p99OverMean(), within(4.0));
    assertThat(millis[millis.length / 2]).isCloseTo(20 * Math.exp(-0.97 * 0.97 / 2), within(0.5));
  }

  @Test
  void draw_shouldRepeat_forTheSameSequenceNumber() {
    var latency = Latency.logNormal(Duration.ofMillis(20), 0.9);
    assertThat(latency.draw(42)).isEqualTo(latency.draw(42));
    assertThat(latency.draw(42)).isNotEqualTo(latency.draw(43));
  }

  @Test
  void draw_shouldBeTheDelay_whenFixed() {
    assertThat(Latency.fixed(Duration.ofMillis(20)).draw(7)).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void latency_shouldRefuse_negativeMeanOrShape() {
    assertThatThrownBy(() -> Latency.logNormal(Duration.ofMillis(-1), 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Latency.logNormal(Duration.ofMillis(20), -0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sigma");
  }
}
