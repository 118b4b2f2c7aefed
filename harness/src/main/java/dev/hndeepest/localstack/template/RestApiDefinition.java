package dev.hndeepest.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code AWS::ApiGateway::RestApi} as SAM generates it: the routes of its OpenAPI body (each a
 * Lambda proxy integration of a function, through its alias), its gateway responses, and the stage
 * that deploys it.
 */
public record RestApiDefinition(String logicalId, List<Route> routes, Map<String, GatewayResponse> gatewayResponses,
    JsonNode stageName) {
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}.!]+)}");

  /** One method of one resource path, integrated by proxy with a function. */
  public record Route(String method, String path, String functionLogicalId) {}

  /** A gateway response: API Gateway's own answer when no function does (unknown route, timeout ...). */
  public record GatewayResponse(int status, Map<String, String> headers, String body) {}

  static RestApiDefinition of(String logicalId, JsonNode properties, StackTemplate template) {
    var body = properties.path("Body");
    if (body.isMissingNode()) {
      throw new UnsupportedTemplateException(logicalId + ": the local stack reads routes from the OpenAPI Body SAM "
          + "generates; this API has none");
    }
    var routes = new ArrayList<Route>();
    body.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
      var integration = operation.getValue().path("x-amazon-apigateway-integration");
      if (integration.isMissingNode()) {
        return; // path-level entries such as "parameters"
      }
      if (!integration.path("type").asText().equals("aws_proxy")) {
        throw new UnsupportedTemplateException(logicalId + " " + operation.getKey() + " " + path.getKey()
            + ": only Lambda proxy integrations run locally, not " + integration.path("type").asText());
      }
      routes.add(new Route(operation.getKey().toUpperCase(Locale.ROOT).replace("X-AMAZON-APIGATEWAY-ANY-METHOD", "ANY"),
          path.getKey(), integratedFunction(logicalId, integration.path("uri"), template)));
    }));
    var responses = new LinkedHashMap<String, GatewayResponse>();
    body.path("x-amazon-apigateway-gateway-responses").fields().forEachRemaining(entry -> {
      var response = entry.getValue();
      var headers = new LinkedHashMap<String, String>();
      response.path("responseParameters").fields().forEachRemaining(parameter -> {
        var name = parameter.getKey();
        if (name.startsWith("gatewayresponse.header.")) {
          headers.put(name.substring("gatewayresponse.header.".length()), unquote(parameter.getValue().asText()));
        }
      });
      var templates = response.path("responseTemplates");
      var bodyTemplate = templates.has("application/json") ? templates.get("application/json").asText() : null;
      responses.put(entry.getKey(), new GatewayResponse(response.path("statusCode").asInt(), headers, bodyTemplate));
    });
    return new RestApiDefinition(logicalId, routes, responses, stageOf(logicalId, template));
  }

  /** The resolved stage name of the {@code AWS::ApiGateway::Stage} that deploys this API. */
  public String stageName(Intrinsics intrinsics) {
    return intrinsics.text(stageName);
  }

  public Optional<GatewayResponse> gatewayResponse(String type) {
    return Optional.ofNullable(gatewayResponses.get(type));
  }

  private static JsonNode stageOf(String logicalId, StackTemplate template) {
    for (var stage : template.resourcesOfType("AWS::ApiGateway::Stage").values()) {
      var properties = stage.path("Properties");
      if (properties.path("RestApiId").path("Ref").asText().equals(logicalId)) {
        return properties.path("StageName");
      }
    }
    throw new UnsupportedTemplateException(logicalId + " has no AWS::ApiGateway::Stage");
  }

  private static String integratedFunction(String api, JsonNode uri, StackTemplate template) {
    var text = uri.path("Fn::Sub").isTextual() ? uri.path("Fn::Sub").asText() : uri.asText();
    var variables = SUB_VARIABLE.matcher(text);
    while (variables.find()) {
      var function = template.functionBehind(variables.group(1));
      if (function.isPresent()) {
        return function.get();
      }
    }
    throw new UnsupportedTemplateException(api + ": no function of the template in the integration URI " + uri);
  }

  /** {@code "'application/problem+json'"} → {@code application/problem+json}: static values are quoted. */
  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("'") && value.endsWith("'") ? value.substring(1, value.length() - 1)
        : value;
  }
}
