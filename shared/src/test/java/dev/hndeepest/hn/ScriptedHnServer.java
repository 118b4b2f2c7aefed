package dev.hndeepest.hn;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A scripted HN API for tests: the JDK's HttpServer on 127.0.0.1, port 0. Each path answers from
 * its queue of scripted {@link Answer}s, then falls back to a generated comment for item paths and
 * 404 otherwise. Counts requests per path and the most requests in flight at once.
 */
final class ScriptedHnServer implements AutoCloseable {

  /** One scripted reaction to one request. */
  sealed interface Answer {

    /** A complete response after {@code delay}. */
    record Respond(int status, String body, Map<String, String> headers, Duration delay) implements Answer {}

    /** Announces the whole body's length, sends only {@code bytesSent} of it, then closes the connection. */
    record CutShort(String body, int bytesSent) implements Answer {}

    /** Closes the connection without any response. */
    record Drop() implements Answer {}

    /** Sends the headers and half the body, then waits {@code stall} before the rest. */
    record StallBody(String body, Duration stall) implements Answer {}

    static Answer json(String body) {
      return new Respond(200, body, Map.of(), Duration.ZERO);
    }

    static Answer status(int status) {
      return new Respond(status, "", Map.of(), Duration.ZERO);
    }

    static Answer status(int status, String header, String value) {
      return new Respond(status, "", Map.of(header, value), Duration.ZERO);
    }

    static Answer slowJson(String body, Duration delay) {
      return new Respond(200, body, Map.of(), delay);
    }

    static Answer drop() {
      return new Drop();
    }
  }

  private static final Pattern ITEM_PATH = Pattern.compile("item/(\\d+)\\.json");

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
  private final Map<String, List<Long>> arrivalsByPath = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Duration fallbackDelay = Duration.ZERO;

  private ScriptedHnServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.setExecutor(handlers);
    server.createContext("/v0/", this::handle);
    server.start();
  }

  static ScriptedHnServer start() throws IOException {
    return new ScriptedHnServer();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v0");
  }

  /** Queues answers for {@code path} (relative to the base, e.g. {@code item/7.json}), used in order. */
  ScriptedHnServer script(String path, Answer... answers) {
    scripts.computeIfAbsent(path, key -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    return this;
  }

  /** Makes every unscripted answer wait {@code delay} first. */
  ScriptedHnServer delayUnscriptedAnswers(Duration delay) {
    fallbackDelay = delay;
    return this;
  }

  int requests() {
    return requests.get();
  }

  int requests(String path) {
    var count = requestsByPath.get(path);
    return count == null ? 0 : count.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  /** {@link System#nanoTime()} at each request's arrival for {@code path}, in arrival order. */
  List<Long> arrivalNanos(String path) {
    List<Long> arrivals = arrivalsByPath.getOrDefault(path, List.of());
    synchronized (arrivals) {
      return List.copyOf(arrivals);
    }
  }

  /** The JSON of the comment that unscripted item paths answer. */
  static String commentJson(long id) {
    return "{\"id\":" + id + ",\"type\":\"comment\",\"by\":\"someone\",\"time\":" + (1_700_000_000L + id)
        + ",\"parent\":1,\"text\":\"a comment\"}";
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrival = System.nanoTime();
    String path = exchange.getRequestURI().getPath().substring("/v0/".length());
    requests.incrementAndGet();
    requestsByPath.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
    List<Long> arrivals = arrivalsByPath.computeIfAbsent(path, key -> Collections.synchronizedList(new ArrayList<>()));
    arrivals.add(arrival);
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    var departure = new Departure();
    try {
      switch (nextAnswer(path)) {
        case Answer.Respond respond -> {
          pause(respond.delay());
          // Leave before answering: the client may reuse its slot as soon as the answer arrives.
          departure.leave();
          byte[] body = respond.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
          respond.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
          exchange.sendResponseHeaders(respond.status(), body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        }
        case Answer.CutShort cut -> {
          departure.leave();
          byte[] body = cut.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body, 0, cut.bytesSent());
          exchange.getResponseBody().flush();
          exchange.close();
        }
        case Answer.Drop drop -> {
          departure.leave();
          exchange.close(); // without response headers the server closes the connection
        }
        case Answer.StallBody stall -> {
          departure.leave();
          byte[] body = stall.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body, 0, body.length / 2);
          exchange.getResponseBody().flush();
          pause(stall.stall());
          exchange.getResponseBody().write(body, body.length / 2, body.length - body.length / 2);
          exchange.close();
        }
      }
    } catch (IOException e) {
      // The client went away (timed out or closed): nothing left to answer.
    } finally {
      departure.leave();
    }
  }

  private Answer nextAnswer(String path) {
    Queue<Answer> script = scripts.get(path);
    Answer scripted = script == null ? null : script.poll();
    if (scripted != null) {
      return scripted;
    }
    var item = ITEM_PATH.matcher(path);
    if (item.matches()) {
      return Answer.slowJson(commentJson(Long.parseLong(item.group(1))), fallbackDelay);
    }
    return Answer.status(404);
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Decrements the in-flight count once, however the handler ends. */
  private final class Departure {
    private boolean left;

    void leave() {
      if (!left) {
        left = true;
        inFlight.decrementAndGet();
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
