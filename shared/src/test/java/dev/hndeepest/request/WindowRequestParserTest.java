package dev.hndeepest.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowRequestParserTest {
  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
  private final WindowRequestParser parser = new WindowRequestParser(720);

  @Test
  void parse_shouldUseNow_whenAsOfAbsent() {
    var request = parser.parse(List.of("24"), List.of(), NOW);

    assertThat(request).isEqualTo(new WindowRequest(24, NOW.getEpochSecond(), false));
    assertThat(request.window().from()).isEqualTo(NOW.getEpochSecond() - 24 * 3600);
  }

  @Test
  void parse_shouldAcceptIsoAndEpochSeconds_whenAsOfGiven() {
    assertThat(parser.parse(List.of("1"), List.of("2024-06-10T06:13:20Z"), NOW).asOf()).isEqualTo(1718000000L);
    assertThat(parser.parse(List.of("1"), List.of("1718000000"), NOW).asOf()).isEqualTo(1718000000L);
    assertThat(parser.parse(List.of("1"), List.of("2024-06-10T08:13:20+02:00"), NOW).asOf()).isEqualTo(1718000000L);
  }

  @Test
  void parse_shouldAcceptBounds_whenHoursIsOneOrMax() {
    assertThat(parser.parse(List.of("1"), List.of(), NOW).hours()).isEqualTo(1);
    assertThat(parser.parse(List.of("720"), List.of(), NOW).hours()).isEqualTo(720);
  }

  @Test
  void parse_shouldTolerateRepeats_whenValuesAreEqual() {
    assertThat(parser.parse(List.of("6", "6"), List.of(), NOW).hours()).isEqualTo(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1.5", "1e3", " 24", "24 ", "0", "-1", "721", "0x18", "+24",
      "２４", "٢٤", "99999999999999999999", "24h", "null"})
  void parse_shouldRejectHours_whenNotAnIntegerInRange(String hours) {
    assertThatThrownBy(() -> parser.parse(List.of(hours), List.of(), NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.invalidParams())
            .singleElement().satisfies(p -> {
              assertThat(p.name()).isEqualTo("hours");
              assertThat(p.reason()).contains("720");
            }));
  }

  @Test
  void parse_shouldRejectHours_whenMissing() {
    assertThatThrownBy(() -> parser.parse(List.of(), List.of(), NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.invalidParams()).containsExactly(new InvalidParam("hours", "is required")));
  }

  @Test
  void parse_shouldRejectHours_whenRepeatedWithDifferentValues() {
    assertThatThrownBy(() -> parser.parse(List.of("1", "2"), List.of(), NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.invalidParams())
            .extracting(InvalidParam::name).containsExactly("hours"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2024-06-10", "2024-06-10T06:13:20", "2025-06-10T12:01:01Z",
      "2006-10-09T18:21:50Z", "1160418110", "-5", "9999999999999", "1.5e9"})
  void parse_shouldRejectAsOf_whenUnparsableFutureOrTooOld(String asOf) {
    assertThatThrownBy(() -> parser.parse(List.of("24"), List.of(asOf), NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.invalidParams())
            .extracting(InvalidParam::name).containsExactly("asOf"));
  }

  @Test
  void parse_shouldAllowClockSkew_whenAsOfWithinSixtySecondsAhead() {
    assertThat(parser.parse(List.of("1"), List.of("2025-06-10T12:01:00Z"), NOW).asOf())
        .isEqualTo(NOW.getEpochSecond() + 60);
  }

  @Test
  void parse_shouldAcceptFirstItemTime_whenAsOfIsExactlyHnsBirth() {
    assertThat(parser.parse(List.of("1"), List.of("1160418111"), NOW).asOf()).isEqualTo(1160418111L);
  }

  @Test
  void parse_shouldReportBoth_whenHoursAndAsOfAreWrong() {
    assertThatThrownBy(() -> parser.parse(List.of("x"), List.of("y"), NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.invalidParams())
            .extracting(InvalidParam::name).containsExactly("hours", "asOf"));
  }

  @Test
  void parse_shouldNotEchoControlCharacters_whenReportingBadValue() {
    assertThatThrownBy(() -> parser.parse(List.of("1\n2"), List.of(), NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e ->
            assertThat(e.invalidParams().getFirst().reason()).contains("\\u000a").doesNotContain("\n"));
  }
}
