package dev.hndeepest.api;

import dev.hndeepest.request.InvalidParam;
import dev.hndeepest.request.InvalidRequestException;
import dev.hndeepest.request.WindowRequest;
import dev.hndeepest.request.WindowRequestParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The question a request's query string asks: {@code hours} and {@code asOf} each reduced to its
 * one value (repeats of the same value tolerated, different ones refused), then checked by the
 * domain's {@link WindowRequestParser}. Every problem is reported at once, {@code hours} first.
 */
final class WindowQuery {
  private static final List<String> ORDER = List.of("hours", "asOf");

  private WindowQuery() {}

  /** Said when {@code hours} is missing from the query but a body was sent: the usual mistake of a JSON client. */
  static final String QUERY_HINT = "hours and asOf are query parameters, as in POST /jobs?hours=6; "
      + "the request body is ignored.";

  /** @throws InvalidRequestException naming each parameter that is wrong and why */
  static WindowRequest parse(ApiRequest request, WindowRequestParser parser, Instant now) {
    try {
      return parseQuery(request, parser, now);
    } catch (InvalidRequestException e) {
      boolean hoursMissing = request.queryValues("hours") == null || request.queryValues("hours").isEmpty();
      if (hoursMissing && request.body() != null && !request.body().isBlank()) {
        throw new InvalidRequestException(e.invalidParams(), QUERY_HINT);
      }
      throw e;
    }
  }

  private static WindowRequest parseQuery(ApiRequest request, WindowRequestParser parser, Instant now) {
    var repeated = new ArrayList<InvalidParam>();
    String hours = single("hours", request.queryValues("hours"), repeated);
    String asOf = single("asOf", request.queryValues("asOf"), repeated);
    if (repeated.isEmpty()) {
      return parser.parse(hours, asOf, now);
    }
    // What the parser says of the parameters that were given once; a repeated one is reported as such only.
    Set<String> repeatedNames = repeated.stream().map(InvalidParam::name).collect(Collectors.toSet());
    var problems = new ArrayList<>(repeated);
    try {
      parser.parse(hours, asOf, now);
    } catch (InvalidRequestException e) {
      e.invalidParams().stream().filter(problem -> !repeatedNames.contains(problem.name())).forEach(problems::add);
    }
    problems.sort(Comparator.comparingInt(problem -> ORDER.indexOf(problem.name())));
    throw new InvalidRequestException(problems);
  }

  /** The parameter's one value, null when absent; a problem when it was given different values. */
  private static String single(String name, List<String> values, List<InvalidParam> problems) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    String first = values.getFirst();
    if (values.stream().anyMatch(v -> !v.equals(first))) {
      problems.add(new InvalidParam(name, "was given " + values.size() + " different values; give it once"));
      return null;
    }
    return first;
  }
}
