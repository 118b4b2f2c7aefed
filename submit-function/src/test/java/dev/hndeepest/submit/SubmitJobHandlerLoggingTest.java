package dev.hndeepest.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.hndeepest.api.SubmitJobApi;
import dev.hndeepest.job.BackendException;
import dev.hndeepest.job.FailingJobStore;
import dev.hndeepest.job.InMemoryJobStore;
import dev.hndeepest.job.JobStore;
import dev.hndeepest.job.JobSubmission;
import dev.hndeepest.job.RecordingWorkQueue;
import dev.hndeepest.request.WindowRequestParser;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the submit function writes to CloudWatch Logs, captured through the production log4j2
 * configuration (the Powertools JSON layout) at DEBUG, the dev stage's level: never a request body,
 * a credential-bearing header, a query value or an Idempotency-Key, whatever the outcome.
 */
class SubmitJobHandlerLoggingTest {
  private static final String SECRET = "s3cr3t-7f1e9c";
  private static final String BODY_MARKER = "whole-body-" + "x".repeat(64);

  private final StringWriter captured = new StringWriter();
  private final Map<LoggerConfig, Level> levelsBefore = new HashMap<>();
  private WriterAppender capture;

  /** The outcomes a request can have, each with the store behind it and the status it gets. */
  enum Outcome {
    ACCEPTED("24", 202),
    REJECTED("abc", 400),
    STORE_UNREACHABLE("24", 503),
    STORE_BROKEN("24", 500);

    final String hours;
    final int status;

    Outcome(String hours, int status) {
      this.hours = hours;
      this.status = status;
    }

    JobStore store() {
      return switch (this) {
        case ACCEPTED, REJECTED -> new InMemoryJobStore();
        case STORE_UNREACHABLE -> new FailingJobStore(() -> new BackendException.Unavailable("Unable to execute HTTP request", null));
        case STORE_BROKEN -> new FailingJobStore(() -> new IllegalStateException("the store broke"));
      };
    }
  }

  @BeforeEach
  void captureLogsLikeProduction() {
    var context = (LoggerContext) LogManager.getContext(false);
    var config = context.getConfiguration();
    var production = config.getAppender("JsonAppender");
    assertThat(production).as("the functions' log4j2.xml is on the classpath").isNotNull();
    capture = WriterAppender.newBuilder().setName("capture").setTarget(captured)
        .setLayout(production.getLayout()).build();
    capture.start();
    config.addAppender(capture);
    for (var logger : List.of(config.getRootLogger(), config.getLoggerConfig("dev.hndeepest"))) {
      levelsBefore.put(logger, logger.getLevel());
      logger.setLevel(Level.DEBUG);
      logger.addAppender(capture, Level.ALL, null);
    }
    context.updateLoggers();
  }

  @AfterEach
  void stopCapturing() {
    var context = (LoggerContext) LogManager.getContext(false);
    levelsBefore.forEach((logger, level) -> {
      logger.removeAppender(capture.getName());
      logger.setLevel(level);
    });
    context.getConfiguration().getAppenders().remove(capture.getName());
    capture.stop();
    context.updateLoggers();
  }

  private static APIGatewayProxyRequestEvent requestCarryingSecrets(String hours) {
    var event = EventLoader.loadApiGatewayRestEvent("../events/submit-job.json");
    var headers = Map.of(
        "Authorization", "Bearer " + SECRET + "-authorization",
        "Cookie", "session=" + SECRET + "-cookie",
        "X-Api-Key", SECRET + "-api-key",
        "Idempotency-Key", SECRET + "-idempotency-key");
    event.setHeaders(headers);
    var multiHeaders = new HashMap<String, List<String>>();
    headers.forEach((name, value) -> multiHeaders.put(name, List.of(value)));
    event.setMultiValueHeaders(multiHeaders);
    event.setQueryStringParameters(Map.of("hours", hours, "token", SECRET + "-query"));
    event.setMultiValueQueryStringParameters(Map.of("hours", List.of(hours), "token", List.of(SECRET + "-query")));
    event.setBody("{\"password\":\"" + SECRET + "-body\",\"note\":\"" + BODY_MARKER + "\"}");
    return event;
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void handleRequest_shouldLogNoSecretAndNoBody_whateverTheOutcome(Outcome outcome) {
    // GIVEN a request whose headers, query and body all carry secrets
    var store = outcome.store();
    var handler = new SubmitJobHandler(new SubmitJobApi(
        new JobSubmission(store, new RecordingWorkQueue(), Clock.systemUTC()), new WindowRequestParser(720),
        Clock.systemUTC(), Duration.ofDays(7)));

    // WHEN
    var response = handler.handleRequest(requestCarryingSecrets(outcome.hours), null);

    // THEN the request got its answer and the logs (when there are any) hold none of it
    var logs = captured.toString();
    assertThat(response.getStatusCode()).isEqualTo(outcome.status);
    if (outcome != Outcome.REJECTED) {
      assertThat(logs).as("the outcome is logged, so the capture works").isNotBlank();
    }
    assertThat(logs).doesNotContain(SECRET).doesNotContain(BODY_MARKER).doesNotContain("password");
    if (outcome.status >= 500) {
      assertThat(logs).as("the request id a 5xx quotes appears in the logs")
          .contains("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    }
  }
}
