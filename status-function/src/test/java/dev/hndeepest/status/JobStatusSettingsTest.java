package dev.hndeepest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.config.Environment;
import dev.hndeepest.config.MissingVariableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The status function's settings from an environment shaped as template.yaml's: no queue in it. */
class JobStatusSettingsTest {
  private static final Map<String, String> TEMPLATE_ENVIRONMENT = Map.of(
      "JOBS_TABLE_NAME", "stack-JobsTable", "JOB_TTL_DAYS", "7", "POWERTOOLS_SERVICE_NAME", "hn-deepest",
      "POWERTOOLS_LOG_LEVEL", "INFO", "AWS_REGION", "eu-west-1");

  @Test
  void from_shouldNeedNoQueue_whenTheTemplateGivesNone() {
    var settings = JobStatusSettings.from(Environment.of(TEMPLATE_ENVIRONMENT));

    assertThat(settings.jobsTableName()).isEqualTo("stack-JobsTable");
    assertThat(settings.jobTtl()).isEqualTo(Duration.ofDays(7));
    assertThat(settings.stallTimeout()).isEqualTo(JobStatusSettings.DEFAULT_STALL_TIMEOUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"JOBS_TABLE_NAME", "JOB_TTL_DAYS"})
  void from_shouldNameTheVariable_whenOneItNeedsIsMissing(String variable) {
    var environment = new HashMap<>(TEMPLATE_ENVIRONMENT);
    environment.remove(variable);

    assertThatThrownBy(() -> JobStatusSettings.from(Environment.of(environment)))
        .isInstanceOf(MissingVariableException.class).hasMessage(variable + " is not set");
  }

  @Test
  void from_shouldTakeTheStallTimeout_whenSet() {
    var environment = new HashMap<>(TEMPLATE_ENVIRONMENT);
    environment.put("JOB_STALL_SECONDS", "120");

    assertThat(JobStatusSettings.from(Environment.of(environment)).stallTimeout()).isEqualTo(Duration.ofMinutes(2));
  }
}
