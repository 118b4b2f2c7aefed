package dev.hndeepest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web handler on the events/ files, serving the documents this module's jar holds. */
class WebHandlerTest {
  private final WebHandler handler = new WebHandler(WebPages.fromClasspath());

  @Test
  void handleRequest_shouldServeThePageAsHtml_whenRootIsAsked() {
    var response = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/web-page.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
        .containsEntry("X-Content-Type-Options", "nosniff");
    assertThat(response.getBody()).startsWith("<!doctype html>").contains("<noscript>").contains("jobs?");
  }

  @Test
  void handleRequest_shouldAllowOnlyThePagesOwnInlineScript_whenRootIsAsked() throws Exception {
    var response = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/web-page.json"), null);

    var script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(response.getBody());
    assertThat(script.find()).isTrue();
    var hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
        .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
    assertThat(response.getHeaders().get("Content-Security-Policy"))
        .contains("script-src 'sha256-" + hash + "';", "connect-src 'self'", "default-src 'none'")
        .doesNotContain("unsafe-inline");
  }

  @Test
  void handleRequest_shouldServeTheRepositorysOpenApiDocument_whenOpenApiJsonIsAsked() throws Exception {
    var response = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/web-openapi.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    assertThat(response.getBody()).isEqualTo(Files.readString(Path.of("../api/openapi.json")));
    var document = Json.read(response.getBody(), JsonNode.class);
    assertThat(document.get("openapi").asText()).startsWith("3.");
    assertThat(document.at("/paths/~1jobs/post/operationId").asText()).isEqualTo("submitJob");
  }

  @Test
  void handleRequest_shouldAnswer404Problem_whenRoutedFromAResourceItDoesNotServe() {
    var response = handler.handleRequest(
        EventLoader.loadApiGatewayRestEvent("../events/web-unknown-resource.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    var problem = Json.read(response.getBody(), JsonNode.class);
    assertThat(problem.get("title").asText()).isEqualTo("Not Found");
    assertThat(problem.get("requestId").asText()).isEqualTo("d7b0ab07-8c72-4f17-8b52-a4f9efadbeef");
  }

  @Test
  void handleRequest_shouldAnswer405WithAllow_whenMethodIsNotGet() {
    var response = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/web-wrong-method.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(response.getHeaders()).containsEntry("Allow", "GET")
        .containsEntry("Content-Type", "application/problem+json");
    assertThat(response.getBody()).doesNotContain("<html");
  }

  @Test
  void handler_shouldStartFromAnEmptyEnvironment_whenBuiltAsTheLocalStackBuildsIt() {
    var built = new WebHandler(java.util.Map.of(), java.time.Clock.systemUTC());

    var response = built.handleRequest(EventLoader.loadApiGatewayRestEvent("../events/web-page.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
  }
}
