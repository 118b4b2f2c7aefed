package dev.hndeepest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.request.InvalidParam;
import dev.hndeepest.request.InvalidRequestException;
import dev.hndeepest.request.WindowRequestParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query string's lists reduced to one value each before the domain's parser sees them. */
class WindowQueryTest {
  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
  private final WindowRequestParser parser = new WindowRequestParser(720);

  private static ApiRequest query(Map<String, List<String>> query) {
    return new ApiRequest("POST", "/jobs", Map.of(), query, Map.of(), null, "req-1", null);
  }

  @Test
  void parse_shouldTolerateRepeats_whenValuesAreEqual() {
    assertThat(WindowQuery.parse(query(Map.of("hours", List.of("6", "6"))), parser, NOW).hours()).isEqualTo(6);
  }

  @Test
  void parse_shouldRejectHours_whenRepeatedWithDifferentValues() {
    assertThatThrownBy(() -> WindowQuery.parse(query(Map.of("hours", List.of("1", "2"))), parser, NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.invalidParams())
            .containsExactly(new InvalidParam("hours", "was given 2 different values; give it once")));
  }

  @Test
  void parse_shouldReportBothHoursFirst_whenAsOfIsRepeatedAndHoursIsWrong() {
    var request = query(Map.of("asOf", List.of("1718000000", "1718000001"), "hours", List.of("abc")));

    assertThatThrownBy(() -> WindowQuery.parse(request, parser, NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.invalidParams())
            .extracting(InvalidParam::name).containsExactly("hours", "asOf"));
  }

  @Test
  void parse_shouldReportTheRepeatOnly_whenHoursIsRepeatedAndAsOfIsFine() {
    var request = query(Map.of("hours", List.of("1", "2"), "asOf", List.of("1718000000")));

    assertThatThrownBy(() -> WindowQuery.parse(request, parser, NOW))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.invalidParams())
            .extracting(InvalidParam::reason).containsExactly("was given 2 different values; give it once"));
  }
}
