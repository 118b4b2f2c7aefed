package dev.hndeepest.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.answer.DeepestThreadFinder;
import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.answer.ProgressListener;
import dev.hndeepest.discovery.TimeWindow;
import dev.hndeepest.hn.FakeHnApi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The serial baseline, replayed in memory, against the engine on the same generated data. */
class SerialBaselineTest {
  private static final Instant END = Instant.parse("2025-03-01T00:00:00Z");
  private static BenchmarkDataSet data;

  @BeforeAll
  static void generate() {
    data = BenchmarkDataSet.generate(11, END, 24);
  }

  @ParameterizedTest
  @CsvSource({"1, 0", "6, 0", "24, 0", "5, 7200"})
  void find_shouldGiveTheEnginesAnswer_whenReplayedOverGeneratedData(int hours, long secondsBeforeEnd) {
    // GIVEN a window of the data set and the engine's answer for it
    var window = TimeWindow.endingAt(END.getEpochSecond() - secondsBeforeEnd, hours);
    var engine = new DeepestThreadFinder(FakeHnApi.of(data.items()), ItemSource.CUSTOM, Clock.fixed(END, ZoneOffset.UTC))
        .find(window, ProgressListener.NONE);

    // WHEN the baseline replays its serial reads over the same items
    var reader = data.replay();
    var baseline = new SerialBaseline(reader, Long.MAX_VALUE).find(window);

    // THEN the same answer, and every comment of the scanned range read a second time by the descent
    assertThat(engine.postId()).as("the window has posts").isNotNull();
    assertThat(Answer.of(baseline)).isEqualTo(Answer.of(engine));
    assertThat(reader.requests()).isGreaterThan(reader.distinctItems());
  }

  @ParameterizedTest
  @CsvSource({"1", "24"})
  void find_shouldStopAtTheDeadline_whenItHasPassed(int hours) {
    // GIVEN a deadline already behind us
    var baseline = new SerialBaseline(data.replay(), System.nanoTime() - 1);

    // WHEN / THEN
    assertThatThrownBy(
            () -> baseline.find(TimeWindow.endingAt(END.getEpochSecond(), hours)))
        .isInstanceOf(SerialBaseline.CutOffException.class);
  }
}
