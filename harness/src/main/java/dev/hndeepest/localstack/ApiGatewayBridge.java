package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for API Gateway's REST API with Lambda proxy integrations: an HTTP server that
 * turns each request into an {@link APIGatewayProxyRequestEvent}, invokes the routed handler
 * in-process and writes its {@link APIGatewayProxyResponseEvent} back. Where API Gateway answers
 * itself it answers with the template's gateway responses: an unknown path or method
 * (MISSING_AUTHENTICATION_TOKEN), an oversized body (REQUEST_TOO_LARGE), a handler that throws,
 * returns a malformed response or outlives its function's timeout (INTEGRATION_FAILURE), one
 * that outlives the integration timeout (INTEGRATION_TIMEOUT). URLs over the edge's limit get 414.
 */
public final class ApiGatewayBridge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayBridge.class);
  // Drain at most this much of a refused body, so the client reads our answer, not a reset.
  private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private final BridgeSettings settings;
  private final RouteTable routes;
  private final Map<ApiRoute, HandlerPool<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> pools;
  private final ProxyEventTranslator translator;
  private final ExecutorService invocations = Executors.newVirtualThreadPerTaskExecutor();
  private final ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;

  private ApiGatewayBridge(BridgeSettings settings, List<ApiRoute> routes) throws IOException {
    this.settings = settings;
    this.routes = new RouteTable(routes);
    this.pools = new IdentityHashMap<>();
    for (var route : this.routes.routes()) {
      var pool = new HandlerPool<>(route.functionName(), route.handlerFactory());
      pool.warmUp();
      pools.put(route, pool);
    }
    this.translator = new ProxyEventTranslator(settings.stage());
    this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
    server.setExecutor(exchanges);
    server.createContext("/", this::handle);
  }

  /** Builds one handler per route (failing now if one cannot be built) and starts listening. */
  public static ApiGatewayBridge start(BridgeSettings settings, List<ApiRoute> routes) {
    try {
      var bridge = new ApiGatewayBridge(settings, routes);
      bridge.server.start();
      LOG.info("API bridge listening at {} for {}", bridge.baseUrl(), describe(routes));
      return bridge;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
    }
  }

  /** {@code http://127.0.0.1:<port>}; resource paths go right after it, without the stage. */
  public URI baseUrl() {
    return URI.create("http://" + settings.host() + ":" + port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting requests, waits a moment for the ones in flight, then interrupts what is left. */
  @Override
  public void close() {
    server.stop(1);
    for (var executor : List.of(exchanges, invocations)) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        executor.shutdownNow();
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    var requestId = UUID.randomUUID().toString();
    HttpReply reply;
    try {
      reply = answer(exchange, requestId);
    } catch (RuntimeException e) {
      LOG.error("bridge failure on {} {} requestId={}", exchange.getRequestMethod(), exchange.getRequestURI(), requestId, e);
      reply = HttpReply.problem(500, "Internal Server Error", "the local API bridge failed: " + e, requestId);
    }
    write(exchange, reply.withHeader("X-Amzn-RequestId", requestId));
    LOG.info("{} {} -> {} ({} ms) requestId={}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        reply.status(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), requestId);
  }

  private HttpReply answer(HttpExchange exchange, String requestId) throws IOException {
    var receivedAt = Instant.now();
    var uri = exchange.getRequestURI();
    if (uri.toString().length() > settings.maxUrlLength()) {
      drain(exchange.getRequestBody());
      return HttpReply.problem(414, "URI Too Long",
          "the URL is longer than " + settings.maxUrlLength() + " characters", requestId);
    }
    var body = readBody(exchange);
    if (body == null) {
      LOG.info("body over {} bytes requestId={}", settings.maxBodyBytes(), requestId);
      return gatewayResponse(HttpReply.REQUEST_TOO_LARGE, requestId);
    }
    var request = new IncomingRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
        exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress(),
        exchange.getProtocol(), port());
    try {
      var match = routes.match(request.method(), ProxyEventTranslator.pathSegments(request.rawPath()));
      // API Gateway answers an unknown path and an unknown method alike: MISSING_AUTHENTICATION_TOKEN.
      return switch (match) {
        case RouteTable.RouteMatch.NotFound notFound -> gatewayResponse(HttpReply.MISSING_AUTHENTICATION_TOKEN, requestId);
        case RouteTable.RouteMatch.MethodNotAllowed notAllowed -> {
          LOG.info("{} {} has no method {} (only {}) requestId={}", request.method(), request.rawPath(),
              request.method(), notAllowed.allowedMethods(), requestId);
          yield gatewayResponse(HttpReply.MISSING_AUTHENTICATION_TOKEN, requestId);
        }
        case RouteTable.RouteMatch.Found found -> invoke(found, translator.toEvent(request, found, requestId, receivedAt), requestId);
      };
    } catch (MalformedRequestException e) {
      return HttpReply.problem(400, "Bad Request", e.getMessage(), requestId);
    }
  }

  private HttpReply invoke(RouteTable.RouteMatch.Found found, APIGatewayProxyRequestEvent event, String requestId) {
    var route = found.route();
    var pool = pools.get(route);
    // Lambda ends the function at its own timeout (an error: 502); API Gateway gives up at its own (504).
    boolean functionTimesOutFirst = route.functionTimeout().compareTo(settings.integrationTimeout()) < 0;
    var patience = functionTimesOutFirst ? route.functionTimeout() : settings.integrationTimeout();
    var context = LocalLambdaContext.forInvocation(pool.functionName(), patience, route.memoryMb());
    var invocation = invocations.submit(() -> pool.invoke(event, context));
    try {
      var response = invocation.get(patience.toMillis(), TimeUnit.MILLISECONDS);
      return ProxyResponseTranslator.toReply(response);
    } catch (TimeoutException e) {
      invocation.cancel(true);
      LOG.warn("{} timed out after {} requestId={} awsRequestId={}", pool.functionName(), patience, requestId,
          context.getAwsRequestId());
      return gatewayResponse(functionTimesOutFirst ? HttpReply.INTEGRATION_FAILURE : HttpReply.INTEGRATION_TIMEOUT,
          requestId);
    } catch (ExecutionException e) {
      LOG.error("{} threw requestId={} awsRequestId={}", pool.functionName(), requestId,
          context.getAwsRequestId(), e.getCause());
      return gatewayResponse(HttpReply.INTEGRATION_FAILURE, requestId);
    } catch (ProxyResponseTranslator.MalformedProxyResponseException e) {
      LOG.error("{} returned a malformed proxy response requestId={}: {}", pool.functionName(), requestId, e.getMessage());
      return gatewayResponse(HttpReply.INTEGRATION_FAILURE, requestId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      invocation.cancel(true);
      return HttpReply.problem(503, "Service Unavailable", "the local API bridge is stopping", requestId);
    }
  }

  private HttpReply gatewayResponse(String type, String requestId) {
    return HttpReply.gatewayResponse(type, settings.gatewayResponses(), requestId);
  }

  /** The body, or null when it is larger than the limit (the rest is then drained). */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    var in = exchange.getRequestBody();
    var declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && declaredLength(declared) > settings.maxBodyBytes()) {
      drain(in);
      return null;
    }
    var body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1));
    if (body.length > settings.maxBodyBytes()) {
      drain(in);
      return null;
    }
    return body;
  }

  /** The declared length; one too long for a long is over any limit, junk is left to the read. */
  private static long declaredLength(String header) {
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return header.strip().chars().allMatch(Character::isDigit) && !header.isBlank() ? Long.MAX_VALUE : -1;
    }
  }

  private static void drain(InputStream in) throws IOException {
    var buffer = new byte[64 * 1024];
    long drained = 0;
    int read;
    while (drained < MAX_DRAIN_BYTES && (read = in.read(buffer)) >= 0) {
      drained += read;
    }
  }

  private static void write(HttpExchange exchange, HttpReply reply) throws IOException {
    try (exchange) {
      var headers = exchange.getResponseHeaders();
      reply.headers().forEach((name, values) -> {
        // The server frames the body itself; a handler's framing headers would contradict it.
        if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
          headers.put(name, new ArrayList<>(values));
        }
      });
      boolean noBody = reply.body().length == 0 || exchange.getRequestMethod().equals("HEAD")
          || reply.status() == 204 || reply.status() == 304;
      // -1 means "no body"; 0 would mean chunked.
      exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
      if (!noBody) {
        exchange.getResponseBody().write(reply.body());
      }
    }
  }

  private static String describe(List<ApiRoute> routes) {
    return routes.stream().map(route -> route.method() + " " + route.resource().path() + " -> " + route.functionName())
        .toList().toString();
  }
}
