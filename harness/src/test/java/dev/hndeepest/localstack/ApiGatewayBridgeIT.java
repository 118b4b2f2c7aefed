package dev.hndeepest.localstack;

// Starts only the API bridge (JDK HTTP server on 127.0.0.1, port 0) with tiny in-test handlers and
// gateway responses; no AWS emulator is needed, since nothing here talks to AWS.

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hndeepest.localstack.template.RestApiDefinition.GatewayResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiGatewayBridgeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Gateway responses in the template's style, one of them (REQUEST_TOO_LARGE) left to API Gateway's default. */
  private static final Map<String, GatewayResponse> GATEWAY_RESPONSES = Map.of(
      HttpReply.MISSING_AUTHENTICATION_TOKEN, problem(404, "Not Found"),
      HttpReply.INTEGRATION_FAILURE, problem(502, "Bad Gateway"),
      HttpReply.INTEGRATION_TIMEOUT, problem(504, "Gateway Timeout"));

  private static GatewayResponse problem(int status, String title) {
    return new GatewayResponse(status, Map.of("Content-Type", HttpReply.PROBLEM_JSON),
        "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
            + ",\"detail\":\"from the gateway\",\"requestId\":\"$context.requestId\"}");
  }

  private final AtomicReference<APIGatewayProxyRequestEvent> lastEvent = new AtomicReference<>();
  private final AtomicReference<Context> lastContext = new AtomicReference<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiGatewayBridge bridge;

  @BeforeEach
  void startBridge() {
    bridge = ApiGatewayBridge.start(BridgeSettings.defaults().withPort(0).withMaxBodyBytes(1024)
            .withIntegrationTimeout(Duration.ofMillis(500)).withGatewayResponses(GATEWAY_RESPONSES),
        List.of(
            HandMadeRoutes.route("POST", "/jobs", "submit-function", () -> this::accepted),
            HandMadeRoutes.route("GET", "/jobs/{id}", "status-function", () -> this::accepted),
            HandMadeRoutes.route("GET", "/boom", "boom-function", () -> (event, context) -> {
              throw new IllegalStateException("handler bug");
            }),
            HandMadeRoutes.route("GET", "/slow", "slow-function", () -> (event, context) -> {
              sleep(Duration.ofSeconds(3));
              return new APIGatewayProxyResponseEvent().withStatusCode(200);
            })));
  }

  @AfterEach
  void stopBridge() {
    bridge.close();
    http.close();
  }

  private APIGatewayProxyResponseEvent accepted(APIGatewayProxyRequestEvent event, Context context) {
    lastEvent.set(event);
    lastContext.set(context);
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(202)
        .withHeaders(Map.of("Location", "/jobs/j-1"))
        .withMultiValueHeaders(Map.of("X-Seen", List.of("a", "b")))
        .withBody("{\"jobId\":\"j-1\"}");
  }

  @Test
  void post_shouldDeliverQueryHeadersAndBody_whenRouteMatches() throws Exception {
    // GIVEN a submit with a repeated query parameter, an idempotency key and a body
    var request = HttpRequest.newBuilder(url("/jobs?hours=1&hours=2&asOf=2024-06-10T06%3A13%3A20Z"))
        .header("Idempotency-Key", "key-1")
        .header("X-Multi", "one")
        .header("X-Multi", "two")
        .POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}"))
        .build();

    // WHEN
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());

    // THEN the handler's answer is written back
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("Location")).hasValue("/jobs/j-1");
    assertThat(response.headers().allValues("X-Seen")).containsExactly("a", "b");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"jobId\":\"j-1\"}");
    // AND the handler got API Gateway's proxy event
    var event = lastEvent.get();
    assertThat(event.getHttpMethod()).isEqualTo("POST");
    assertThat(event.getResource()).isEqualTo("/jobs");
    assertThat(event.getPath()).isEqualTo("/jobs");
    assertThat(event.getQueryStringParameters())
        .containsEntry("hours", "2").containsEntry("asOf", "2024-06-10T06:13:20Z");
    assertThat(event.getMultiValueQueryStringParameters()).containsEntry("hours", List.of("1", "2"));
    assertThat(event.getHeaders()).containsEntry("Idempotency-Key", "key-1").containsEntry("X-Multi", "two");
    assertThat(event.getMultiValueHeaders()).containsEntry("X-Multi", List.of("one", "two"));
    assertThat(event.getBody()).isEqualTo("{\"x\":1}");
    assertThat(event.getIsBase64Encoded()).isFalse();
    assertThat(event.getRequestContext().getStage()).isEqualTo("local");
    assertThat(event.getRequestContext().getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(response.headers().firstValue("X-Amzn-RequestId")).hasValue(event.getRequestContext().getRequestId());
    // AND a Lambda context for the routed function
    assertThat(lastContext.get().getFunctionName()).isEqualTo("submit-function");
    assertThat(lastContext.get().getRemainingTimeInMillis()).isBetween(1, 500);
  }

  @Test
  void get_shouldPassPathParameter_whenPathHasJobId() throws Exception {
    // WHEN
    var response = http.send(HttpRequest.newBuilder(url("/jobs/j-123")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    // THEN
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(lastEvent.get().getResource()).isEqualTo("/jobs/{id}");
    assertThat(lastEvent.get().getPathParameters()).isEqualTo(Map.of("id", "j-123"));
    assertThat(lastEvent.get().getQueryStringParameters()).isNull();
    assertThat(lastEvent.get().getBody()).isNull();
  }

  @Test
  void request_shouldAnswer404Problem_whenPathIsUnknown() throws Exception {
    // WHEN
    var response = http.send(HttpRequest.newBuilder(url("/nothing/here")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    // THEN
    assertProblem(response, 404);
    assertThat(lastEvent.get()).isNull();
  }

  @Test
  void request_shouldAnswerLikeAnUnknownPath_whenMethodIsWrong() throws Exception {
    // WHEN
    var response = http.send(HttpRequest.newBuilder(url("/jobs")).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());

    // THEN API Gateway's MISSING_AUTHENTICATION_TOKEN, with the request id filled in
    var problem = assertProblem(response, 404);
    assertThat(problem.get("requestId").asText()).isEqualTo(response.headers().firstValue("X-Amzn-RequestId").orElseThrow());
    assertThat(response.headers().firstValue("Allow")).isEmpty();
    assertThat(lastEvent.get()).isNull();
  }

  @Test
  void post_shouldAnswer413_whenBodyExceedsLimit() throws Exception {
    // GIVEN a body one byte over the 1024-byte limit, and one exactly at it
    var tooLarge = HttpRequest.newBuilder(url("/jobs")).POST(HttpRequest.BodyPublishers.ofString("x".repeat(1025))).build();
    var atLimit = HttpRequest.newBuilder(url("/jobs")).POST(HttpRequest.BodyPublishers.ofString("x".repeat(1024))).build();

    // WHEN
    var refused = http.send(tooLarge, HttpResponse.BodyHandlers.ofString());
    var accepted = http.send(atLimit, HttpResponse.BodyHandlers.ofString());

    // THEN API Gateway's default REQUEST_TOO_LARGE, which these gateway responses do not replace
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo("Request Too Long");
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(lastEvent.get().getBody()).hasSize(1024);
  }

  @Test
  void request_shouldAnswer414_whenUrlExceedsApiGatewayLimit() throws Exception {
    // WHEN
    var response = http.send(HttpRequest.newBuilder(url("/jobs?pad=" + "a".repeat(8200))).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    // THEN
    assertProblem(response, 414);
  }

  @Test
  void request_shouldAnswer502WithRequestId_whenHandlerThrows() throws Exception {
    // WHEN
    var response = http.send(HttpRequest.newBuilder(url("/boom")).GET().build(), HttpResponse.BodyHandlers.ofString());

    // THEN the client sees no stack trace, only a request id that the logs carry too
    var problem = assertProblem(response, 502);
    assertThat(problem.get("requestId").asText()).isEqualTo(response.headers().firstValue("X-Amzn-RequestId").orElseThrow());
    assertThat(response.body()).doesNotContain("handler bug").doesNotContain("at dev.");
  }

  @Test
  void request_shouldAnswer504_whenHandlerOutlivesIntegrationTimeout() throws Exception {
    // WHEN
    var response = http.send(HttpRequest.newBuilder(url("/slow")).GET().build(), HttpResponse.BodyHandlers.ofString());

    // THEN
    assertProblem(response, 504);
  }

  private com.fasterxml.jackson.databind.JsonNode assertProblem(HttpResponse<String> response, int status)
      throws IOException {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(HttpReply.PROBLEM_JSON);
    var problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    return problem;
  }

  private URI url(String pathAndQuery) {
    return URI.create(bridge.baseUrl() + pathAndQuery);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
