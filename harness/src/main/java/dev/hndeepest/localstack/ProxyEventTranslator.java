package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the event API Gateway's REST API sends a Lambda proxy integration (payload format 1.0):
 * resource template, path parameters, query parameters and headers in both single-value (last
 * value wins) and multi-value form, the body as text, and a request context with a fresh id.
 */
public final class ProxyEventTranslator {
  static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
  private static final String API_ID = "local";

  private final String stage;

  public ProxyEventTranslator(String stage) {
    this.stage = stage;
  }

  public APIGatewayProxyRequestEvent toEvent(
      IncomingRequest request, RouteTable.RouteMatch.Found match, String requestId, Instant receivedAt) {
    var resource = match.route().resource().path();
    var path = "/" + String.join("/", pathSegments(request.rawPath()));
    var headers = headersWithForwarding(request);
    var query = parseQuery(request.rawQuery());
    var domainName = hostWithoutPort(headers.containsKey("Host") ? last(headers.get("Host")) : null);

    var identity = new RequestIdentity()
        .withSourceIp(request.sourceIp())
        .withUserAgent(last(headers.get("User-Agent")));
    var context = new ProxyRequestContext()
        .withAccountId(LocalLambdaContext.ACCOUNT_ID)
        .withApiId(API_ID)
        .withResourceId(Integer.toHexString(resource.hashCode()))
        .withResourcePath(resource)
        .withHttpMethod(request.method())
        .withStage(stage)
        // As on a custom domain with an empty base path: the client's own path, without the stage.
        .withPath(request.rawPath())
        .withRequestId(requestId)
        .withExtendedRequestId(UUID.randomUUID().toString())
        .withRequestTime(REQUEST_TIME.format(receivedAt))
        .withRequestTimeEpoch(receivedAt.toEpochMilli())
        .withProtocol(request.protocol())
        .withDomainName(domainName)
        .withDomainPrefix(domainName.split("\\.", 2)[0])
        .withIdentity(identity);

    return new APIGatewayProxyRequestEvent()
        .withResource(resource)
        .withPath(path)
        .withHttpMethod(request.method())
        .withHeaders(lastValues(headers))
        .withMultiValueHeaders(headers.isEmpty() ? null : headers)
        .withQueryStringParameters(lastValues(query))
        .withMultiValueQueryStringParameters(query.isEmpty() ? null : query)
        .withPathParameters(match.pathParameters().isEmpty() ? null : new LinkedHashMap<>(match.pathParameters()))
        .withStageVariables(null)
        .withRequestContext(context)
        .withBody(request.body().length == 0 ? null : new String(request.body(), StandardCharsets.UTF_8))
        .withIsBase64Encoded(false);
  }

  /**
   * The request path split on '/' and percent-decoded ('+' stays '+', as in any path); a trailing
   * slash is ignored, as API Gateway ignores it.
   */
  public static List<String> pathSegments(String rawPath) {
    var path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.equals("/")) {
      return List.of();
    }
    var segments = new ArrayList<String>();
    for (var raw : path.substring(1).split("/", -1)) {
      segments.add(percentDecode(raw.replace("+", "%2B"), rawPath));
    }
    return segments;
  }

  /**
   * Every value of every query parameter in arrival order, decoded like a form ('+' is a space);
   * a parameter without '=' has the empty value.
   */
  public static Map<String, List<String>> parseQuery(String rawQuery) {
    var parameters = new LinkedHashMap<String, List<String>>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (var pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      var name = percentDecode(equals < 0 ? pair : pair.substring(0, equals), rawQuery);
      var value = equals < 0 ? "" : percentDecode(pair.substring(equals + 1), rawQuery);
      parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  /**
   * {@code idempotency-key} → {@code Idempotency-Key}. The JDK server has already lower-cased
   * the names, so the client's own spelling is lost; handlers must compare names ignoring case,
   * as they must with the spellings clients send to the real API Gateway.
   */
  public static String canonicalHeaderName(String name) {
    var result = new StringBuilder(name.length());
    boolean startOfWord = true;
    for (char c : name.toCharArray()) {
      result.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
      startOfWord = c == '-';
    }
    return result.toString();
  }

  /** The request's headers under canonical names, plus the X-Forwarded-* headers API Gateway adds. */
  static Map<String, List<String>> headersWithForwarding(IncomingRequest request) {
    var headers = new LinkedHashMap<String, List<String>>();
    request.headers().forEach((name, values) ->
        headers.computeIfAbsent(canonicalHeaderName(name), key -> new ArrayList<>()).addAll(values));
    // Like API Gateway, append the caller to a forwarding chain the client already sent.
    var forwardedFor = headers.get("X-Forwarded-For");
    headers.put("X-Forwarded-For", new ArrayList<>(List.of(forwardedFor == null
        ? request.sourceIp()
        : String.join(", ", forwardedFor) + ", " + request.sourceIp())));
    // API Gateway sets these itself, whatever the client sent: they say how it was reached.
    headers.put("X-Forwarded-Port", List.of(String.valueOf(request.localPort())));
    headers.put("X-Forwarded-Proto", List.of("http"));
    headers.replaceAll((name, values) -> List.copyOf(values));
    return headers;
  }

  /** The host the client named, as API Gateway's {@code domainName} carries it: without a port. */
  private static String hostWithoutPort(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return "127.0.0.1";
    }
    var host = hostHeader.strip();
    int colon = host.lastIndexOf(':');
    return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
  }

  private static Map<String, String> lastValues(Map<String, List<String>> multi) {
    if (multi.isEmpty()) {
      return null;
    }
    var single = new LinkedHashMap<String, String>();
    multi.forEach((name, values) -> single.put(name, last(values)));
    return single;
  }

  private static String last(List<String> values) {
    return values == null || values.isEmpty() ? null : values.getLast();
  }

  private static String percentDecode(String text, String whole) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("malformed percent-encoding in " + whole, e);
    }
  }
}
