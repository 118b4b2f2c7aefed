package dev.hndeepest.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API root as the client reached it, from REST API proxy events of each shape API Gateway sends. */
class ClientBaseUrlTest {

  private static APIGatewayProxyRequestEvent event(String resource, String path, String contextPath, String stage,
      String domainName, Map<String, String> headers, Map<String, String> pathParameters) {
    return new APIGatewayProxyRequestEvent()
        .withResource(resource)
        .withPath(path)
        .withHttpMethod("GET")
        .withHeaders(headers)
        .withPathParameters(pathParameters)
        .withRequestContext(new ProxyRequestContext().withPath(contextPath).withStage(stage).withDomainName(domainName));
  }

  private static URI baseOf(APIGatewayProxyRequestEvent event) {
    return ApiGatewayTranslation.toApiRequest(event, null).baseUrl();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // shape                                  | path        | requestContext.path | domainName                              | proto | port | base
      "execute-api host, stage prod             | /jobs       | /prod/jobs          | abc.execute-api.eu-west-1.amazonaws.com | https | 443  | https://abc.execute-api.eu-west-1.amazonaws.com/prod",
      "custom domain, base path v1              | /v1/jobs    | /v1/jobs            | api.example.com                         | https | 443  | https://api.example.com/v1",
      "custom domain, two-segment base path     | /a/b/jobs   | /a/b/jobs           | api.example.com                         | https | 443  | https://api.example.com/a/b",
      "custom domain, empty base path           | /jobs       | /jobs               | api.example.com                         | https | 443  | https://api.example.com",
      "the local bridge                         | /jobs       | /jobs               | 127.0.0.1                               | http  | 3000 | http://127.0.0.1:3000",
      "trailing slash sent by the client        | /jobs/      | /prod/jobs/         | abc.execute-api.eu-west-1.amazonaws.com | https | 443  | https://abc.execute-api.eu-west-1.amazonaws.com/prod"})
  void baseUrl_shouldBeWhereTheClientSentTheRequest_whenEventHasThisShape(String shape, String path,
      String contextPath, String domainName, String proto, String port, String base) {
    var event = event("/jobs", path, contextPath, "prod", domainName,
        Map.of("X-Forwarded-Proto", proto, "X-Forwarded-Port", port), null);

    assertThat(baseOf(event)).isEqualTo(URI.create(base));
  }

  @Test
  void baseUrl_shouldStripTheFilledInResource_whenResourceHasAPathParameter() {
    var event = event("/jobs/{id}", "/jobs/j-1", "/prod/jobs/j-1", "prod", "abc.execute-api.us-east-1.amazonaws.com",
        Map.of("x-forwarded-proto", "https"), Map.of("id", "j-1"));

    assertThat(baseOf(event)).isEqualTo(URI.create("https://abc.execute-api.us-east-1.amazonaws.com/prod"));
  }

  @Test
  void baseUrl_shouldUseTheHostHeaderAndItsPort_whenTheContextNamesNoDomain() {
    var event = event("/jobs", "/jobs", "/jobs", "dev", null, Map.of("Host", "localhost:8080",
        "X-Forwarded-Proto", "http"), null);

    assertThat(baseOf(event)).isEqualTo(URI.create("http://localhost:8080"));
  }

  @Test
  void baseUrl_shouldBeUnknown_whenTheEventNamesNoHostAtAll() {
    var event = event("/jobs", "/jobs", "/prod/jobs", "prod", null, Map.of(), null);

    assertThat(baseOf(event)).isNull();
    assertThat(ApiGatewayTranslation.toApiRequest(event, null).urlOf("/jobs/j-1")).isEqualTo("/jobs/j-1");
  }
}
