package dev.hndeepest.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The parameter values of one deployment: each parameter's {@code Default}, replaced by the given
 * overrides (what {@code sam deploy --parameter-overrides} does), checked against the parameter's
 * constraints as CloudFormation checks them before it creates anything.
 */
public final class TemplateParameters {
  private TemplateParameters() {}

  /**
   * @param declared the template's {@code Parameters} section
   * @throws InvalidTemplateParameterException naming the parameter, for an unknown override, a
   *     missing value or one its constraints refuse
   */
  public static Map<String, String> resolve(JsonNode declared, Map<String, String> overrides) {
    var unknown = new TreeSet<>(overrides.keySet());
    declared.fieldNames().forEachRemaining(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new InvalidTemplateParameterException("template.yaml declares no parameter " + String.join(", ", unknown));
    }
    var values = new LinkedHashMap<String, String>();
    declared.fields().forEachRemaining(entry -> {
      var name = entry.getKey();
      var spec = entry.getValue();
      String value = overrides.containsKey(name) ? overrides.get(name)
          : spec.has("Default") ? spec.get("Default").asText() : null;
      if (value == null) {
        throw new InvalidTemplateParameterException("parameter " + name + " has no default and no value was given");
      }
      check(name, spec, value);
      values.put(name, value);
    });
    return values;
  }

  private static void check(String name, JsonNode spec, String value) {
    var type = spec.path("Type").asText("String");
    if (spec.has("AllowedValues")) {
      boolean allowed = false;
      for (var option : spec.get("AllowedValues")) {
        allowed |= option.asText().equals(value);
      }
      if (!allowed) {
        throw new InvalidTemplateParameterException(
            "parameter " + name + " must be one of " + spec.get("AllowedValues") + ", got '" + value + "'");
      }
    }
    if (type.equals("Number")) {
      BigDecimal number;
      try {
        number = new BigDecimal(value.strip());
      } catch (NumberFormatException e) {
        throw new InvalidTemplateParameterException("parameter " + name + " must be a number, got '" + value + "'");
      }
      if (spec.has("MinValue") && number.compareTo(spec.get("MinValue").decimalValue()) < 0) {
        throw new InvalidTemplateParameterException(
            "parameter " + name + " must be a number not less than " + spec.get("MinValue") + ", got " + value);
      }
      if (spec.has("MaxValue") && number.compareTo(spec.get("MaxValue").decimalValue()) > 0) {
        throw new InvalidTemplateParameterException(
            "parameter " + name + " must be a number not greater than " + spec.get("MaxValue") + ", got " + value);
      }
    } else {
      if (spec.has("AllowedPattern") && !Pattern.compile(spec.get("AllowedPattern").asText()).matcher(value).matches()) {
        throw new InvalidTemplateParameterException("parameter " + name + " must match "
            + spec.get("AllowedPattern").asText() + ", got '" + value + "'");
      }
      if (spec.has("MinLength") && value.length() < spec.get("MinLength").asInt()
          || spec.has("MaxLength") && value.length() > spec.get("MaxLength").asInt()) {
        throw new InvalidTemplateParameterException("parameter " + name + " has a length out of its bounds: '" + value + "'");
      }
    }
  }
}
