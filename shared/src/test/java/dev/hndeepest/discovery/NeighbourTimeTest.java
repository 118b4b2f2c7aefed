package dev.hndeepest.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NeighbourTimeTest {

  private static TreeMap<Long, Long> times(long... idsAndTimes) {
    var map = new TreeMap<Long, Long>();
    for (int i = 0; i < idsAndTimes.length; i += 2) {
      map.put(idsAndTimes[i], idsAndTimes[i + 1]);
    }
    return map;
  }

  @Test
  void of_shouldBeTheOwnTime_whenTimesGrowWithIds() {
    assertThat(NeighbourTime.of(times(8, 100, 9, 105, 10, 110, 11, 115, 12, 120)))
        .isEqualTo(new NeighbourTime(110, 8, 12));
  }

  @Test
  void of_shouldIgnoreTwoFarOffTimes_whenFiveJudge() {
    // a far-future time and a far-past one among five neighbours
    var verdict = NeighbourTime.of(times(8, 100, 9, 900_000, 10, 110, 11, -5_000, 12, 120));

    assertThat(verdict.time()).isEqualTo(110);
  }

  @Test
  void of_shouldTakeTheLowerMiddle_whenTheCountIsEven() {
    assertThat(NeighbourTime.of(times(1, 40, 2, 10, 3, 30, 4, 20)).time()).isEqualTo(20);
    assertThat(NeighbourTime.of(times(5, 7)).time()).isEqualTo(7);
  }

  @Test
  void of_shouldRefuse_whenNothingAnswered() {
    assertThatThrownBy(() -> NeighbourTime.of(new TreeMap<>())).isInstanceOf(IllegalArgumentException.class);
  }
}
