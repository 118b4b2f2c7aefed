package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyResponseTranslatorTest {

  @Test
  void toReply_shouldMergeHeadersOnce_whenPairAppearsInBothMaps() {
    // GIVEN a response with Set-Cookie twice in multiValueHeaders and once (a repeat) in headers
    var response = new APIGatewayProxyResponseEvent()
        .withStatusCode(202)
        .withHeaders(Map.of("Location", "/jobs/a", "Set-Cookie", "b=2"))
        .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
        .withBody("{}");

    // WHEN
    var reply = ProxyResponseTranslator.toReply(response);

    // THEN
    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.headers())
        .containsEntry("Set-Cookie", List.of("a=1", "b=2"))
        .containsEntry("Location", List.of("/jobs/a"))
        .containsEntry("Content-Type", List.of("application/json"));
    assertThat(reply.bodyText()).isEqualTo("{}");
  }

  @Test
  void toReply_shouldKeepHandlerContentType_whenHandlerSetsOneInAnyCase() {
    // GIVEN
    var response = new APIGatewayProxyResponseEvent().withStatusCode(400)
        .withHeaders(Map.of("content-type", "application/problem+json"));

    // WHEN
    var reply = ProxyResponseTranslator.toReply(response);

    // THEN
    assertThat(reply.headers()).containsOnlyKeys("content-type");
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void toReply_shouldDecodeBody_whenBase64Flagged() {
    // GIVEN
    var response = new APIGatewayProxyResponseEvent().withStatusCode(200).withIsBase64Encoded(true)
        .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));

    // WHEN / THEN
    assertThat(ProxyResponseTranslator.toReply(response).body()).containsExactly(1, 2, 3);
  }

  @Test
  void toReply_shouldRefuse_whenStatusCodeMissingOrResponseNull() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> ProxyResponseTranslator.toReply(new APIGatewayProxyResponseEvent().withBody("x")))
        .isInstanceOf(ProxyResponseTranslator.MalformedProxyResponseException.class)
        .hasMessageContaining("statusCode null");
    assertThatThrownBy(() -> ProxyResponseTranslator.toReply(null))
        .isInstanceOf(ProxyResponseTranslator.MalformedProxyResponseException.class);
  }
}
