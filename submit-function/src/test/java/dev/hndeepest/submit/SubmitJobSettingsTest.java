package dev.hndeepest.submit;

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

/** The submit function's settings from an environment shaped as template.yaml's (FunctionEnvironmentIT reads the real one). */
class SubmitJobSettingsTest {
  private static final Map<String, String> TEMPLATE_ENVIRONMENT = Map.of(
      "JOBS_TABLE_NAME", "stack-JobsTable", "JOB_TTL_DAYS", "7", "POWERTOOLS_SERVICE_NAME", "hn-deepest",
      "POWERTOOLS_LOG_LEVEL", "INFO", "WORK_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/1/stack-WorkQueue",
      "MAX_HOURS", "720", "AWS_REGION", "eu-west-1");

  @Test
  void from_shouldReadEveryVariable_whenTheTemplateGivesThem() {
    var settings = SubmitJobSettings.from(Environment.of(TEMPLATE_ENVIRONMENT));

    assertThat(settings.jobsTableName()).isEqualTo("stack-JobsTable");
    assertThat(settings.workQueueUrl()).endsWith("/stack-WorkQueue");
    assertThat(settings.maxHours()).isEqualTo(720);
    assertThat(settings.jobTtl()).isEqualTo(Duration.ofDays(7));
  }

  @ParameterizedTest
  @ValueSource(strings = {"JOBS_TABLE_NAME", "WORK_QUEUE_URL", "MAX_HOURS", "JOB_TTL_DAYS"})
  void from_shouldNameTheVariable_whenOneItNeedsIsMissing(String variable) {
    var environment = new HashMap<>(TEMPLATE_ENVIRONMENT);
    environment.remove(variable);

    assertThatThrownBy(() -> SubmitJobSettings.from(Environment.of(environment)))
        .isInstanceOf(MissingVariableException.class).hasMessage(variable + " is not set");
  }
}
