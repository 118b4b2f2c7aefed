package dev.hndeepest.config;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * A function's (or the command's) environment variables, read with one set of rules: a blank
 * value counts as absent, a required variable that is absent is a {@link MissingVariableException}
 * naming it, a present but malformed value is an error, never a default.
 *
 * <p>On Lambda the map is {@code System.getenv()}; the local stack passes the variables
 * {@code template.yaml} gives the function plus those Lambda's runtime sets.
 */
public final class Environment {
  private final Map<String, String> variables;

  private Environment(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  public static Environment of(Map<String, String> variables) {
    return new Environment(variables);
  }

  public Optional<String> text(String name) {
    return Optional.ofNullable(variables.get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }

  public String requiredText(String name) {
    return text(name).orElseThrow(() -> new MissingVariableException(name));
  }

  /** An absolute http(s) URL, without a trailing '/'. */
  public Optional<URI> uri(String name) {
    return text(name).map(value -> {
      try {
        var uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new IllegalArgumentException("no scheme or host");
        }
        return uri;
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(name + " is not a URL: " + value, e);
      }
    });
  }

  public URI requiredUri(String name) {
    return uri(name).orElseThrow(() -> new MissingVariableException(name));
  }

  /** An ISO-8601 instant ({@code 2025-06-10T12:00:00Z}); empty when unset or blank. */
  public Optional<Instant> instant(String name) {
    return text(name).map(value -> {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(name + " must be an ISO-8601 instant, got " + value, e);
      }
    });
  }

  public Optional<Integer> positiveInt(String name) {
    return text(name).map(value -> {
      try {
        int parsed = Integer.parseInt(value);
        if (parsed < 1) {
          throw new NumberFormatException("not positive");
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw new IllegalStateException(name + " must be a positive integer, got " + value, e);
      }
    });
  }

  public int requiredPositiveInt(String name) {
    return positiveInt(name).orElseThrow(() -> new MissingVariableException(name));
  }
}
