package dev.hndeepest.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.localstack.RepositoryRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code template.yaml} as one deployment of it sees it: translated by aws-sam-translator into the
 * CloudFormation that {@code sam deploy} would create, with its parameter values (defaults and
 * overrides, checked). The local stack takes everything it reproduces from here: each function's
 * handler, environment, timeout, memory and role; the SQS event source mappings; the REST API's
 * routes and stage; the table and the queues. What a value is in the local deployment (a queue
 * URL, an ARN) is resolved by {@link Intrinsics} against a {@link ResourceLookup}.
 */
public final class StackTemplate {
  public static final String TEMPLATE_FILE = "template.yaml";

  private final JsonNode template;
  private final Map<String, String> codeUris;
  private final Map<String, String> parameters;

  private StackTemplate(JsonNode template, Map<String, String> codeUris, Map<String, String> parameters) {
    this.template = template;
    this.codeUris = codeUris;
    this.parameters = parameters;
  }

  /** The checkout's {@code template.yaml} with these parameter overrides. */
  public static StackTemplate load(RepositoryRoot root, Map<String, String> overrides) {
    return load(root, root.resolve(TEMPLATE_FILE), overrides);
  }

  public static StackTemplate load(RepositoryRoot root, Path templateFile, Map<String, String> overrides) {
    var translation = SamTranslation.translate(root, templateFile, overrides);
    var template = translation.get("template");
    var parameters = TemplateParameters.resolve(template.path("Parameters"), overrides);
    var codeUris = new LinkedHashMap<String, String>();
    translation.path("codeUris").fields().forEachRemaining(entry -> codeUris.put(entry.getKey(), entry.getValue().asText()));
    return new StackTemplate(template, codeUris, parameters);
  }

  /** The parameter values of this deployment. */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** The resolver of this deployment, with resources as {@code lookup} gives them. */
  public Intrinsics intrinsics(Map<String, String> pseudoParameters, ResourceLookup lookup) {
    return new Intrinsics(template, parameters, pseudoParameters, lookup);
  }

  public Optional<JsonNode> resource(String logicalId) {
    return Optional.ofNullable(template.path("Resources").get(logicalId));
  }

  public String typeOf(String logicalId) {
    return resource(logicalId).map(r -> r.path("Type").asText())
        .orElseThrow(() -> new UnsupportedTemplateException("no resource " + logicalId + " in the template"));
  }

  /** The resources of one type, by logical id, in template order. */
  public Map<String, JsonNode> resourcesOfType(String type) {
    var found = new LinkedHashMap<String, JsonNode>();
    template.path("Resources").fields().forEachRemaining(entry -> {
      if (entry.getValue().path("Type").asText().equals(type)) {
        found.put(entry.getKey(), entry.getValue());
      }
    });
    return found;
  }

  /** Every {@code AWS::Lambda::Function}. */
  public List<FunctionDefinition> functions() {
    var functions = new ArrayList<FunctionDefinition>();
    resourcesOfType("AWS::Lambda::Function").forEach((id, resource) ->
        functions.add(FunctionDefinition.of(id, resource.path("Properties"), codeUris.get(id))));
    return functions;
  }

  public FunctionDefinition function(String logicalId) {
    return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
        .orElseThrow(() -> new UnsupportedTemplateException("no function " + logicalId + " in the template"));
  }

  /** Every {@code AWS::Lambda::EventSourceMapping}. */
  public List<EventSourceMappingDefinition> eventSourceMappings() {
    var mappings = new ArrayList<EventSourceMappingDefinition>();
    resourcesOfType("AWS::Lambda::EventSourceMapping").forEach((id, resource) ->
        mappings.add(EventSourceMappingDefinition.of(id, resource.path("Properties"), this)));
    return mappings;
  }

  /** Every {@code AWS::ApiGateway::RestApi} with its routes and its stage. */
  public List<RestApiDefinition> restApis() {
    var apis = new ArrayList<RestApiDefinition>();
    resourcesOfType("AWS::ApiGateway::RestApi").forEach((id, resource) ->
        apis.add(RestApiDefinition.of(id, resource.path("Properties"), this)));
    return apis;
  }

  /**
   * The function a reference names: the function itself, or the function of an alias or version
   * ({@code SubmitJobFunctionAliaslive} → {@code SubmitJobFunction}).
   */
  public Optional<String> functionBehind(String logicalId) {
    var type = resource(logicalId).map(r -> r.path("Type").asText()).orElse("");
    return switch (type) {
      case "AWS::Lambda::Function" -> Optional.of(logicalId);
      case "AWS::Lambda::Alias", "AWS::Lambda::Version" ->
          Optional.of(template.path("Resources").path(logicalId).path("Properties").path("FunctionName").path("Ref")
              .asText()).filter(name -> !name.isEmpty()).flatMap(this::functionBehind);
      default -> Optional.empty();
    };
  }
}
