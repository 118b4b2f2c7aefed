package dev.hndeepest.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowRequestParserTest {
  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
  private final WindowRequestParser parser = new WindowRequestParser(720);

  @Test
  void parse_shouldUseNow_whenAsOfAbsent() {
    var request = parser.parse("24", null, NOW);

    assertThat(request).isEqualTo(new WindowRequest(24, NOW.getEpochSecond(), false));
    assertThat(request.window().from()).isEqualTo(NOW.getEpochSecond() - 24 * 3600);
  }

  @Test
  void parse_shouldAcceptIsoAndEpochSeconds_whenAsOfGiven() {
    assertThat(parser.parse("1", "2024-06-10T06:13:20Z", NOW).asOf()).isEqualTo(1718000000L);
    assertThat(parser.parse("1", "1718000000", NOW).asOf()).isEqualTo(1718000000L);
    assertThat(parser.parse("1", "2024-06-10T08:13:20+02:00", NOW).asOf()).isEqualTo(1718000000L);
  }

  @Test
  void parse_shouldAcceptBounds_whenHoursIsOneOrMax() {
    assertThat(parser.parse("1", null, NOW).hours()).isEqualTo(1);
    assertThat(parser.parse("720", null, NOW).hours()).isEqualTo(720);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1.5", "1e3", " 24", "24 ", "0", "-1", "721", "0x18", "+24",
      "２４", "٢٤", "99999999999999999999", "24h", "null"})
  void parse_shouldRejectHours_whenNotAnIntegerInRange(String hours) {
    assertThatThrownBy(() -> parser.parse(hours, null, NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.invalidParams())
            .singleElement().satisfies(p -> {
              assertThat(p.name()).isEqualTo("hours");
              assertThat(p.reason()).contains("720");
            }));
  }

  @Test
  void parse_shouldRejectHours_whenMissing() {
    assertThatThrownBy(() -> parser.parse(null, null, NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.invalidParams()).containsExactly(new InvalidParam("hours", "is required")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2024-06-10", "2024-06-10T06:13:20", "2025-06-10T12:01:01Z",
      "2006-10-09T18:21:50Z", "1160418110", "-5", "9999999999999", "1.5e9"})
  void parse_shouldRejectAsOf_whenUnparsableFutureOrTooOld(String asOf) {
    assertThatThrownBy(() -> parser.parse("24", asOf, NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.invalidParams())
            .extracting(InvalidParam::name).containsExactly("asOf"));
  }

  @Test
  void parse_shouldAllowClockSkew_whenAsOfWithinSixtySecondsAhead() {
    assertThat(parser.parse("1", "2025-06-10T12:01:00Z", NOW).asOf())
        .isEqualTo(NOW.getEpochSecond() + 60);
  }

  @Test
  void parse_shouldAcceptFirstItemTime_whenAsOfIsExactlyHnsBirth() {
    assertThat(parser.parse("1", "1160418111", NOW).asOf()).isEqualTo(1160418111L);
  }

  @Test
  void parse_shouldReportBoth_whenHoursAndAsOfAreWrong() {
    assertThatThrownBy(() -> parser.parse("x", "y", NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.invalidParams())
            .extracting(InvalidParam::name).containsExactly("hours", "asOf"));
  }

  @Test
  void parse_shouldNotEchoControlCharacters_whenReportingBadValue() {
    assertThatThrownBy(() -> parser.parse("1\n2", null, NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e ->
            assertThat(e.invalidParams().getFirst().reason()).contains("\\u000a").doesNotContain("\n"));
  }
}
