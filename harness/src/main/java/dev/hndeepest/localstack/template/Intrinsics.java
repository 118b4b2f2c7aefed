package dev.hndeepest.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation's intrinsic functions in a translated template against one local
 * deployment: {@code Ref} (parameters, pseudo parameters, resources), {@code Fn::GetAtt},
 * {@code Fn::FindInMap}, {@code Fn::Sub}, {@code Fn::If} with the conditions' {@code Fn::Equals},
 * {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or}, and {@code Fn::Join}, {@code Fn::Select}.
 * Anything else is refused by name rather than passed on unresolved.
 */
public final class Intrinsics {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
  /** Removes the property it is the value of (AWS::NoValue). */
  private static final JsonNode NO_VALUE = NODES.missingNode();

  private final JsonNode template;
  private final Map<String, String> parameters;
  private final Map<String, String> pseudoParameters;
  private final ResourceLookup resources;

  /**
   * @param template the translated template (its Mappings and Conditions are read)
   * @param parameters the deployment's parameter values ({@link TemplateParameters#resolve})
   * @param pseudoParameters {@code AWS::Region}, {@code AWS::AccountId}, {@code AWS::StackName} ...
   */
  public Intrinsics(JsonNode template, Map<String, String> parameters, Map<String, String> pseudoParameters,
      ResourceLookup resources) {
    this.template = template;
    this.parameters = Map.copyOf(parameters);
    this.pseudoParameters = Map.copyOf(pseudoParameters);
    this.resources = resources;
  }

  /** The node with every intrinsic function replaced by its value. */
  public JsonNode resolve(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return NO_VALUE;
    }
    if (node.isArray()) {
      ArrayNode resolved = NODES.arrayNode();
      node.forEach(item -> {
        var value = resolve(item);
        if (!value.isMissingNode()) {
          resolved.add(value);
        }
      });
      return resolved;
    }
    if (!node.isObject()) {
      return node;
    }
    if (node.size() == 1) {
      var name = node.fieldNames().next();
      if (name.equals("Ref") || name.startsWith("Fn::") || name.equals("Condition")) {
        return function(name, node.get(name));
      }
    }
    ObjectNode resolved = NODES.objectNode();
    node.fields().forEachRemaining(field -> {
      var value = resolve(field.getValue());
      if (!value.isMissingNode()) {
        resolved.set(field.getKey(), value);
      }
    });
    return resolved;
  }

  /** The resolved node as text (numbers as CloudFormation passes them: their digits). */
  public String text(JsonNode node) {
    var value = resolve(node);
    if (!value.isValueNode()) {
      throw new UnsupportedTemplateException("expected a text value, got " + value);
    }
    return value.asText();
  }

  /** The value of a named condition of the template. */
  public boolean condition(String name) {
    var condition = template.path("Conditions").get(name);
    if (condition == null) {
      throw new UnsupportedTemplateException("no condition " + name + " in the template");
    }
    return truth(resolve(condition));
  }

  private JsonNode function(String name, JsonNode argument) {
    return switch (name) {
      case "Ref" -> ref(argument.asText());
      case "Fn::GetAtt" -> getAtt(argument);
      case "Fn::FindInMap" -> findInMap(argument);
      case "Fn::Sub" -> sub(argument);
      case "Fn::If" -> resolve(condition(argument.get(0).asText()) ? argument.get(1) : argument.get(2));
      case "Fn::Join" -> join(argument);
      case "Fn::Select" -> resolve(argument.get(1)).get(resolve(argument.get(0)).asInt());
      case "Fn::Equals" -> NODES.booleanNode(resolve(argument.get(0)).asText().equals(resolve(argument.get(1)).asText()));
      case "Fn::Not" -> NODES.booleanNode(!truth(resolve(argument.get(0))));
      case "Fn::And" -> NODES.booleanNode(all(argument, true));
      case "Fn::Or" -> NODES.booleanNode(!all(argument, false));
      case "Condition" -> NODES.booleanNode(condition(argument.asText()));
      default -> throw new UnsupportedTemplateException("the local stack does not resolve " + name);
    };
  }

  private static boolean truth(JsonNode node) {
    return node.isBoolean() ? node.booleanValue() : Boolean.parseBoolean(node.asText());
  }

  /** And (expected true: all true) or Or (expected false: all false, negated by the caller). */
  private boolean all(JsonNode conditions, boolean expected) {
    for (var condition : conditions) {
      if (truth(resolve(condition)) != expected) {
        return false;
      }
    }
    return true;
  }

  private JsonNode ref(String name) {
    if (name.equals("AWS::NoValue")) {
      return NO_VALUE;
    }
    if (pseudoParameters.containsKey(name)) {
      return TextNode.valueOf(pseudoParameters.get(name));
    }
    if (parameters.containsKey(name)) {
      return TextNode.valueOf(parameters.get(name));
    }
    if (template.path("Resources").has(name)) {
      return TextNode.valueOf(resources.ref(name));
    }
    throw new UnsupportedTemplateException("Ref to " + name + ", which is no parameter or resource of the template");
  }

  private JsonNode getAtt(JsonNode argument) {
    String logicalId;
    String attribute;
    if (argument.isTextual()) {
      var parts = argument.asText().split("\\.", 2);
      logicalId = parts[0];
      attribute = parts.length > 1 ? parts[1] : "";
    } else {
      logicalId = argument.get(0).asText();
      attribute = text(argument.get(1));
    }
    if (!template.path("Resources").has(logicalId)) {
      throw new UnsupportedTemplateException("Fn::GetAtt of " + logicalId + ", which is no resource of the template");
    }
    return TextNode.valueOf(resources.attribute(logicalId, attribute));
  }

  private JsonNode findInMap(JsonNode argument) {
    var map = text(argument.get(0));
    var top = text(argument.get(1));
    var second = text(argument.get(2));
    var value = template.path("Mappings").path(map).path(top).path(second);
    if (value.isMissingNode()) {
      throw new UnsupportedTemplateException("Fn::FindInMap [" + map + ", " + top + ", " + second + "] finds nothing");
    }
    return value;
  }

  private JsonNode sub(JsonNode argument) {
    String text;
    JsonNode variables = NODES.objectNode();
    if (argument.isTextual()) {
      text = argument.asText();
    } else {
      text = argument.get(0).asText();
      variables = argument.get(1);
    }
    var out = new StringBuilder();
    Matcher matcher = SUB_VARIABLE.matcher(text);
    while (matcher.find()) {
      var variable = matcher.group(1);
      String value;
      if (variable.startsWith("!")) {
        value = "${" + variable.substring(1) + "}";
      } else if (variables.has(variable)) {
        value = text(variables.get(variable));
      } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
        var parts = variable.split("\\.", 2);
        value = resources.attribute(parts[0], parts[1]);
      } else {
        value = ref(variable).asText();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return TextNode.valueOf(out.toString());
  }

  private JsonNode join(JsonNode argument) {
    var delimiter = argument.get(0).asText();
    List<String> parts = new ArrayList<>();
    resolve(argument.get(1)).forEach(part -> parts.add(part.asText()));
    return TextNode.valueOf(String.join(delimiter, parts));
  }
}
