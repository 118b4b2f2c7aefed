package dev.hndeepest.lambda.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.config.Environment;
import dev.hndeepest.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EMF lines a function writes to stdout, as CloudWatch Logs reads them: captured while an action
 * runs, each parsed, with the metric values and units it declares.
 */
public final class EmfLines {
  /** The namespace template.yaml gives a stack named {@code hn-deepest-test}. */
  public static final String NAMESPACE = "HnDeepest/hn-deepest-test";
  public static final String SERVICE = "hn-deepest";

  private final List<JsonNode> lines;

  private EmfLines(List<JsonNode> lines) {
    this.lines = lines;
  }

  /** The functions' metrics as the template's environment configures them. */
  public static PowertoolsJobMetrics metrics() {
    return PowertoolsJobMetrics.from(Environment.of(Map.of("POWERTOOLS_METRICS_NAMESPACE", NAMESPACE,
        "POWERTOOLS_SERVICE_NAME", SERVICE, "AWS_LAMBDA_FUNCTION_NAME", "hn-deepest-test-Function")));
  }

  /** Runs the action with stdout captured; the EMF lines it wrote. */
  public static EmfLines during(Runnable action) {
    var original = System.out;
    var buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    var parsed = new ArrayList<JsonNode>();
    for (var line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("{\"_aws\"")) {
        parsed.add(Json.read(line, JsonNode.class));
      }
    }
    return new EmfLines(parsed);
  }

  public List<JsonNode> lines() {
    return lines;
  }

  /** Every value of the metric over all lines (an EMF line holds one value or a list). */
  public List<Double> values(String metric) {
    var values = new ArrayList<Double>();
    for (var line : lines) {
      var value = line.get(metric);
      if (value == null) {
        continue;
      }
      if (value.isArray()) {
        value.forEach(v -> values.add(v.asDouble()));
      } else {
        values.add(value.asDouble());
      }
    }
    return values;
  }

  public double sum(String metric) {
    return values(metric).stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The unit a line declares for the metric. */
  public Optional<String> unit(String metric) {
    for (var line : lines) {
      for (var directive : line.at("/_aws/CloudWatchMetrics")) {
        for (var declared : directive.get("Metrics")) {
          if (metric.equals(declared.get("Name").asText())) {
            return Optional.of(declared.get("Unit").asText());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The names of every metric declared. */
  public List<String> names() {
    var names = new ArrayList<String>();
    for (var line : lines) {
      for (var directive : line.at("/_aws/CloudWatchMetrics")) {
        directive.get("Metrics").forEach(declared -> names.add(declared.get("Name").asText()));
      }
    }
    return names;
  }
}
