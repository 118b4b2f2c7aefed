package dev.hndeepest.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the client sent a REST API proxy request, as the root its links must start with.
 *
 * <p>API Gateway says so in three places: {@code requestContext.domainName} (the host the client
 * used: {@code abc.execute-api.eu-west-1.amazonaws.com}, or a custom domain), {@code
 * X-Forwarded-Proto} and {@code X-Forwarded-Port}, and {@code requestContext.path}, the path as
 * the client sent it: {@code /prod/jobs} on the execute-api host, {@code /v1/jobs} under a custom
 * domain's base path {@code v1}, {@code /jobs} under an empty base path. The event's {@code
 * resource} with its path parameters filled in ({@code /jobs}) ends that path; what comes before
 * it is the prefix to keep. (The event's {@code path} is no help: under a custom domain it
 * carries the base path too.)
 */
final class ClientBaseUrl {
  private ClientBaseUrl() {}

  /**
   * @param header a header of the request by name, ignoring case
   * @return scheme, host, non-default port and prefix, without a trailing '/'; empty when the event
   *     names no host (a hand-written event)
   */
  static Optional<URI> of(APIGatewayProxyRequestEvent event, Function<String, Optional<String>> header) {
    var context = Optional.ofNullable(event.getRequestContext());
    var hostAndPort = context.map(APIGatewayProxyRequestEvent.ProxyRequestContext::getDomainName)
        .filter(name -> !name.isBlank())
        .or(() -> header.apply("Host"));
    if (hostAndPort.isEmpty()) {
      return Optional.empty();
    }
    String scheme = header.apply("X-Forwarded-Proto").map(String::strip).orElse("https");
    var host = hostAndPort.get().strip();
    Integer port = null;
    int colon = host.lastIndexOf(':');
    if (colon > 0 && !host.endsWith("]")) {
      port = parsePort(host.substring(colon + 1));
      host = host.substring(0, colon);
    }
    var forwardedPort = header.apply("X-Forwarded-Port").map(String::strip).map(ClientBaseUrl::parsePort);
    if (forwardedPort.isPresent() && forwardedPort.get() != null) {
      port = forwardedPort.get();
    }
    if (port != null && port == defaultPort(scheme)) {
      port = null;
    }
    var prefix = prefix(event, context.map(APIGatewayProxyRequestEvent.ProxyRequestContext::getPath),
        context.map(APIGatewayProxyRequestEvent.ProxyRequestContext::getStage));
    try {
      return Optional.of(new URI(scheme, null, host, port == null ? -1 : port, prefix.isEmpty() ? null : prefix,
          null, null));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The part of the client's path before the resource: "/prod", "/v1" or "". */
  private static String prefix(APIGatewayProxyRequestEvent event, Optional<String> clientPath, Optional<String> stage) {
    var resourcePath = resourcePath(event);
    var sent = clientPath.map(ClientBaseUrl::withoutTrailingSlash);
    if (sent.isPresent() && resourcePath.isPresent() && sent.get().endsWith(resourcePath.get())) {
      return sent.get().substring(0, sent.get().length() - resourcePath.get().length());
    }
    // The path does not end with the resource (encoded differently): keep the stage if it leads.
    return stage.filter(name -> sent.map(path -> path.startsWith("/" + name + "/")).orElse(false))
        .map(name -> "/" + name)
        .orElse("");
  }

  /** The resource template with its path parameters filled in: "/jobs/{id}" → "/jobs/abc". */
  private static Optional<String> resourcePath(APIGatewayProxyRequestEvent event) {
    var resource = event.getResource();
    if (resource == null) {
      return Optional.ofNullable(event.getPath()).map(ClientBaseUrl::withoutTrailingSlash);
    }
    Map<String, String> parameters = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
    for (var parameter : parameters.entrySet()) {
      resource = resource.replace("{" + parameter.getKey() + "}", parameter.getValue());
    }
    return Optional.of(withoutTrailingSlash(resource));
  }

  private static String withoutTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Integer parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      return port > 0 && port <= 65_535 ? port : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int defaultPort(String scheme) {
    return "http".equalsIgnoreCase(scheme) ? 80 : 443;
  }
}
