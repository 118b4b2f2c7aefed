package dev.hndeepest.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.config.Environment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The submit function's "now" for a window: the request's minute live, a snapshot's end for a snapshot. */
class SubmitJobFunctionTest {
  private static final Map<String, String> ENVIRONMENT = Map.of(
      "JOBS_TABLE_NAME", "t", "JOB_TTL_DAYS", "7", "WORK_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/1/q",
      "MAX_HOURS", "720", "AWS_REGION", "eu-west-1");
  private static final Clock AT_37_SECONDS = Clock.fixed(Instant.parse("2025-06-10T12:34:37Z"), ZoneOffset.UTC);

  @Test
  void windowClock_shouldBeTheMinuteOfTheRequest_whenTheWorkersReadTheLiveApi() {
    var settings = SubmitJobSettings.from(Environment.of(ENVIRONMENT));

    assertThat(SubmitJobFunction.windowClock(settings, AT_37_SECONDS).instant())
        .isEqualTo(Instant.parse("2025-06-10T12:34:00Z"));
  }

  @Test
  void windowClock_shouldBeTheSnapshotsEndUnrounded_whenTheWorkersReadASnapshot() {
    var environment = new HashMap<>(ENVIRONMENT);
    environment.put("HN_SNAPSHOT_END", "2025-06-10T11:59:51Z");
    var settings = SubmitJobSettings.from(Environment.of(environment));

    assertThat(SubmitJobFunction.windowClock(settings, AT_37_SECONDS).instant())
        .isEqualTo(Instant.parse("2025-06-10T11:59:51Z"));
  }
}
