package dev.hndeepest.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API Gateway resource path such as {@code /jobs} or {@code /jobs/{id}}: literal segments and
 * whole-segment path variables. Greedy variables ({@code {proxy+}}) are not supported.
 */
public record ResourceTemplate(String path, List<Segment> segments) {
  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9._-]+)}");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~:@!$&'()*,;=-]+");

  /** One segment: a literal, or a variable ({@code name} set, {@code literal} null). */
  public record Segment(String literal, String variable) {
    boolean isVariable() {
      return variable != null;
    }
  }

  public ResourceTemplate {
    segments = List.copyOf(segments);
  }

  public static ResourceTemplate parse(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a resource path starts with '/', got: " + path);
    }
    var segments = new ArrayList<Segment>();
    if (!path.equals("/")) {
      for (var part : path.substring(1).split("/", -1)) {
        var variable = VARIABLE.matcher(part);
        if (variable.matches()) {
          segments.add(new Segment(null, variable.group(1)));
        } else if (LITERAL.matcher(part).matches()) {
          segments.add(new Segment(part, null));
        } else {
          throw new IllegalArgumentException("unsupported segment '" + part + "' in resource path " + path
              + " (literals and whole-segment {name} variables only)");
        }
      }
    }
    return new ResourceTemplate(path, segments);
  }

  /** The path variables when the decoded request segments fit this template. */
  public Optional<Map<String, String>> match(List<String> requestSegments) {
    if (requestSegments.size() != segments.size()) {
      return Optional.empty();
    }
    var variables = new LinkedHashMap<String, String>();
    for (int i = 0; i < segments.size(); i++) {
      var segment = segments.get(i);
      var actual = requestSegments.get(i);
      if (segment.isVariable()) {
        if (actual.isEmpty()) {
          return Optional.empty();
        }
        variables.put(segment.variable(), actual);
      } else if (!segment.literal().equals(actual)) {
        return Optional.empty();
      }
    }
    return Optional.of(variables);
  }

  /** Literal segments first, as API Gateway prefers {@code /jobs/stats} over {@code /jobs/{id}}. */
  int compareSpecificity(ResourceTemplate other) {
    for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
      boolean mine = segments.get(i).isVariable();
      boolean theirs = other.segments.get(i).isVariable();
      if (mine != theirs) {
        return mine ? -1 : 1;
      }
    }
    return 0;
  }
}
