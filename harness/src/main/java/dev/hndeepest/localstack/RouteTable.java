package dev.hndeepest.localstack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Picks the route for a request as API Gateway does: first the most specific resource whose path
 * fits, then the method on that resource.
 */
public final class RouteTable {
  private final List<ApiRoute> routes;

  /** What a request path and method resolve to. */
  public sealed interface RouteMatch {
    record Found(ApiRoute route, Map<String, String> pathParameters) implements RouteMatch {}

    record MethodNotAllowed(SortedSet<String> allowedMethods) implements RouteMatch {}

    record NotFound() implements RouteMatch {}
  }

  public RouteTable(List<ApiRoute> routes) {
    var seen = new HashSet<String>();
    for (var route : routes) {
      if (!seen.add(route.method() + " " + route.resource().path())) {
        throw new IllegalArgumentException("two routes for " + route.method() + " " + route.resource().path());
      }
    }
    this.routes = List.copyOf(routes);
  }

  public List<ApiRoute> routes() {
    return routes;
  }

  /** @param pathSegments the request path split on '/' and percent-decoded, without a trailing empty segment */
  public RouteMatch match(String method, List<String> pathSegments) {
    Optional<ResourceTemplate> resource = routes.stream()
        .map(ApiRoute::resource)
        .filter(template -> template.match(pathSegments).isPresent())
        .max(ResourceTemplate::compareSpecificity);
    if (resource.isEmpty()) {
      return new RouteMatch.NotFound();
    }
    var onResource = new ArrayList<ApiRoute>();
    for (var route : routes) {
      if (route.resource().path().equals(resource.get().path())) {
        onResource.add(route);
      }
    }
    // An exact method beats ANY on the same resource.
    onResource.sort(Comparator.comparing(route -> route.method().equals(ApiRoute.ANY)));
    for (var route : onResource) {
      if (route.accepts(method)) {
        return new RouteMatch.Found(route, resource.get().match(pathSegments).orElseThrow());
      }
    }
    var allowed = new TreeSet<String>();
    onResource.forEach(route -> allowed.add(route.method()));
    return new RouteMatch.MethodNotAllowed(allowed);
  }
}
