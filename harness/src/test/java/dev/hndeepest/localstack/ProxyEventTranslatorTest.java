package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyEventTranslatorTest {
  private static final Instant RECEIVED = Instant.parse("2024-06-10T06:13:20Z");
  private final ProxyEventTranslator translator = new ProxyEventTranslator("local");
  private final RouteTable routes = new RouteTable(List.of(
      HandMadeRoutes.route("POST", "/jobs", "submit", () -> (event, context) -> new APIGatewayProxyResponseEvent()),
      HandMadeRoutes.route("GET", "/jobs/{id}", "status", () -> (event, context) -> new APIGatewayProxyResponseEvent())));

  @Test
  void toEvent_shouldKeepEveryValueOfRepeatedQueryParameters_whenParameterRepeats() {
    // GIVEN a submit request with hours twice and an empty asOf
    var request = request("POST", "/jobs", "hours=1&hours=2&asOf=&flag", Map.of(), "");

    // WHEN it is translated
    var event = translator.toEvent(request, found("POST", "/jobs"), "req-1", RECEIVED);

    // THEN the single-value map keeps the last value and the multi-value map keeps all, in order
    assertThat(event.getQueryStringParameters()).containsEntry("hours", "2").containsEntry("asOf", "")
        .containsEntry("flag", "");
    assertThat(event.getMultiValueQueryStringParameters())
        .containsEntry("hours", List.of("1", "2"))
        .containsEntry("asOf", List.of(""))
        .containsEntry("flag", List.of(""));
  }

  @Test
  void toEvent_shouldDecodeQueryLikeAForm_whenValuesArePercentEncoded() {
    // GIVEN encoded values, one with '+' for a space and one with an encoded '+'
    var request = request("POST", "/jobs", "asOf=2024-06-10T06%3A13%3A20Z&note=a+b%2Bc", Map.of(), "");

    // WHEN
    var event = translator.toEvent(request, found("POST", "/jobs"), "req-1", RECEIVED);

    // THEN
    assertThat(event.getQueryStringParameters())
        .containsEntry("asOf", "2024-06-10T06:13:20Z")
        .containsEntry("note", "a b+c");
  }

  @Test
  void toEvent_shouldLeaveQueryMapsNull_whenUrlHasNoQuery() {
    // GIVEN a status request without query
    var request = request("GET", "/jobs/abc", null, Map.of(), "");

    // WHEN
    var event = translator.toEvent(request, found("GET", "/jobs/abc"), "req-1", RECEIVED);

    // THEN API Gateway sends null, not an empty map
    assertThat(event.getQueryStringParameters()).isNull();
    assertThat(event.getMultiValueQueryStringParameters()).isNull();
    assertThat(event.getBody()).isNull();
  }

  @Test
  void toEvent_shouldFillResourceTemplateAndDecodedPathParameters_whenPathHasVariable() {
    // GIVEN a job id with an encoded space
    var request = request("GET", "/jobs/job%20one", null, Map.of(), "");

    // WHEN
    var event = translator.toEvent(request, found("GET", "/jobs/job%20one"), "req-1", RECEIVED);

    // THEN
    assertThat(event.getResource()).isEqualTo("/jobs/{id}");
    assertThat(event.getPath()).isEqualTo("/jobs/job one");
    assertThat(event.getPathParameters()).isEqualTo(Map.of("id", "job one"));
    assertThat(event.getHttpMethod()).isEqualTo("GET");
  }

  @Test
  void toEvent_shouldGiveHeadersCanonicalNamesAndLastValue_whenHeaderRepeats() {
    // GIVEN headers as the JDK server hands them over (names lower-cased after the first letter)
    var headers = new LinkedHashMap<String, List<String>>();
    headers.put("Idempotency-key", List.of("k-1"));
    headers.put("Accept", List.of("text/plain", "application/json"));
    var request = request("POST", "/jobs", "hours=1", headers, "");

    // WHEN
    var event = translator.toEvent(request, found("POST", "/jobs"), "req-1", RECEIVED);

    // THEN
    assertThat(event.getHeaders())
        .containsEntry("Idempotency-Key", "k-1")
        .containsEntry("Accept", "application/json")
        .containsEntry("X-Forwarded-For", "127.0.0.1")
        .containsEntry("X-Forwarded-Proto", "http");
    assertThat(event.getMultiValueHeaders()).containsEntry("Accept", List.of("text/plain", "application/json"));
  }

  @Test
  void toEvent_shouldAppendCaller_whenClientSentForwardedFor() {
    // GIVEN a forwarding chain from the client
    var request = request("POST", "/jobs", null, Map.of("X-forwarded-for", List.of("10.0.0.1")), "");

    // WHEN
    var event = translator.toEvent(request, found("POST", "/jobs"), "req-1", RECEIVED);

    // THEN
    assertThat(event.getHeaders()).containsEntry("X-Forwarded-For", "10.0.0.1, 127.0.0.1");
  }

  @Test
  void toEvent_shouldPassBodyAsTextAndFillRequestContext_whenBodyPresent() {
    // GIVEN
    var request = request("POST", "/jobs", null, Map.of("User-agent", List.of("curl/8")), "{\"a\":\"é\"}");

    // WHEN
    var event = translator.toEvent(request, found("POST", "/jobs"), "req-42", RECEIVED);

    // THEN
    assertThat(event.getBody()).isEqualTo("{\"a\":\"é\"}");
    assertThat(event.getIsBase64Encoded()).isFalse();
    var context = event.getRequestContext();
    assertThat(context.getRequestId()).isEqualTo("req-42");
    assertThat(context.getStage()).isEqualTo("local");
    assertThat(context.getResourcePath()).isEqualTo("/jobs");
    assertThat(context.getPath()).isEqualTo("/jobs");
    assertThat(context.getDomainName()).isEqualTo("127.0.0.1");
    assertThat(context.getHttpMethod()).isEqualTo("POST");
    assertThat(context.getRequestTimeEpoch()).isEqualTo(RECEIVED.toEpochMilli());
    assertThat(context.getRequestTime()).isEqualTo("10/Jun/2024:06:13:20 +0000");
    assertThat(context.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(context.getIdentity().getUserAgent()).isEqualTo("curl/8");
  }

  @Test
  void toEvent_shouldSayWhereTheClientSentTheRequest_asApiGatewayDoes() {
    // GIVEN a client that reached the bridge as localhost:3000 and claims another scheme and port
    var request = new IncomingRequest("GET", "/jobs/abc", null, Map.of("Host", List.of("localhost:3000"),
        "X-Forwarded-Proto", List.of("https"), "X-Forwarded-Port", List.of("443")), new byte[0], "127.0.0.1",
        "HTTP/1.1", 3000);

    // WHEN
    var event = translator.toEvent(request, found("GET", "/jobs/abc"), "req-1", RECEIVED);

    // THEN the host without its port, the path as sent, and the forwarding headers of this hop only
    assertThat(event.getRequestContext().getDomainName()).isEqualTo("localhost");
    assertThat(event.getRequestContext().getPath()).isEqualTo("/jobs/abc");
    assertThat(event.getHeaders()).containsEntry("X-Forwarded-Proto", "http").containsEntry("X-Forwarded-Port", "3000");
    assertThat(dev.hndeepest.lambda.ApiGatewayTranslation.toApiRequest(event, null).urlOf("/jobs/abc"))
        .isEqualTo("http://localhost:3000/jobs/abc");
  }

  @Test
  void parseQuery_shouldRefuse_whenPercentEscapeIsBroken() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> ProxyEventTranslator.parseQuery("hours=%zz"))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("hours=%zz");
  }

  @Test
  void pathSegments_shouldIgnoreTrailingSlashAndKeepPlus_whenPathHasThem() {
    // GIVEN / WHEN / THEN
    assertThat(ProxyEventTranslator.pathSegments("/jobs/")).containsExactly("jobs");
    assertThat(ProxyEventTranslator.pathSegments("/jobs/a+b%2Fc")).containsExactly("jobs", "a+b/c");
    assertThat(ProxyEventTranslator.pathSegments("/")).isEmpty();
  }

  @Test
  void canonicalHeaderName_shouldCapitaliseEachWord_whenNameIsLowerCase() {
    // GIVEN / WHEN / THEN
    assertThat(ProxyEventTranslator.canonicalHeaderName("x-amzn-trace-id")).isEqualTo("X-Amzn-Trace-Id");
    assertThat(ProxyEventTranslator.canonicalHeaderName("Content-type")).isEqualTo("Content-Type");
  }

  private RouteTable.RouteMatch.Found found(String method, String rawPath) {
    return (RouteTable.RouteMatch.Found) routes.match(method, ProxyEventTranslator.pathSegments(rawPath));
  }

  private static IncomingRequest request(
      String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body) {
    return new IncomingRequest(method, rawPath, rawQuery, headers, body.getBytes(StandardCharsets.UTF_8),
        "127.0.0.1", "HTTP/1.1", 3000);
  }
}
