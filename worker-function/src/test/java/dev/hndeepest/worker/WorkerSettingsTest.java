package dev.hndeepest.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.config.Environment;
import dev.hndeepest.config.MissingVariableException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worker's settings from an environment shaped as template.yaml's (FunctionEnvironmentIT reads the real one). */
class WorkerSettingsTest {
  private static final Map<String, String> TEMPLATE_ENVIRONMENT = Map.ofEntries(
      Map.entry("JOBS_TABLE_NAME", "stack-JobsTable"), Map.entry("JOB_TTL_DAYS", "7"),
      Map.entry("POWERTOOLS_SERVICE_NAME", "hn-deepest"), Map.entry("POWERTOOLS_LOG_LEVEL", "INFO"),
      Map.entry("HN_API_BASE_URL", "https://hacker-news.firebaseio.com/v0"), Map.entry("HN_CONCURRENCY", "32"),
      Map.entry("HN_STALL_SECONDS", "60"),
      Map.entry("WORK_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/1/stack-WorkQueue"),
      Map.entry("MAX_RECEIVE_COUNT", "3"), Map.entry("WORKER_MAX_CONCURRENCY", "5"), Map.entry("WORK_BATCH_SIZE", "4"),
      Map.entry("AWS_REGION", "eu-west-1"));

  @Test
  void from_shouldReadEveryVariable_whenTheTemplateGivesThem() {
    var settings = WorkerSettings.from(Environment.of(TEMPLATE_ENVIRONMENT));

    assertThat(settings.hnApiBaseUrl()).isEqualTo(URI.create("https://hacker-news.firebaseio.com/v0"));
    assertThat(settings.hnConcurrency()).isEqualTo(32);
    assertThat(settings.maxReceiveCount()).isEqualTo(3);
    assertThat(settings.hnStallTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.batchesPerRound()).isEqualTo(20);
    assertThat(settings.hnSnapshotEnd()).as("none given: a live API").isEmpty();
    var withTemplateDefault = new HashMap<>(TEMPLATE_ENVIRONMENT);
    withTemplateDefault.put("HN_SNAPSHOT_END", "");
    assertThat(WorkerSettings.from(Environment.of(withTemplateDefault)).hnSnapshotEnd())
        .as("the template's empty default: a live API").isEmpty();
  }

  @Test
  void from_shouldReadTheSnapshotEnd_whenTheStackServesASnapshot() {
    var environment = new HashMap<>(TEMPLATE_ENVIRONMENT);
    environment.put("HN_SNAPSHOT_END", "2025-06-10T11:59:51Z");

    assertThat(WorkerSettings.from(Environment.of(environment)).hnSnapshotEnd())
        .contains(Instant.parse("2025-06-10T11:59:51Z"));
    environment.put("HN_SNAPSHOT_END", "yesterday");
    assertThatThrownBy(() -> WorkerSettings.from(Environment.of(environment)))
        .hasMessage("HN_SNAPSHOT_END must be an ISO-8601 instant, got yesterday");
  }

  @ParameterizedTest
  @ValueSource(strings = {"JOBS_TABLE_NAME", "WORK_QUEUE_URL", "HN_API_BASE_URL", "HN_CONCURRENCY", "HN_STALL_SECONDS",
      "JOB_TTL_DAYS", "MAX_RECEIVE_COUNT", "WORKER_MAX_CONCURRENCY", "WORK_BATCH_SIZE"})
  void from_shouldNameTheVariable_whenOneItNeedsIsMissing(String variable) {
    var environment = new HashMap<>(TEMPLATE_ENVIRONMENT);
    environment.remove(variable);

    assertThatThrownBy(() -> WorkerSettings.from(Environment.of(environment)))
        .isInstanceOf(MissingVariableException.class).hasMessage(variable + " is not set");
  }
}
