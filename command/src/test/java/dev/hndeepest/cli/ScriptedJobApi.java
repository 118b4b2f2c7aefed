package dev.hndeepest.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A job API that answers from a script, for the {@code job} command's tests: the JDK's HttpServer
 * on 127.0.0.1, port 0. Each "METHOD path" answers from its queue, then repeats its last answer;
 * unscripted requests get 404. Records every request.
 */
final class ScriptedJobApi implements AutoCloseable {

  /** One scripted reaction: an answer, or (status 0) a connection closed without one. */
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer json(int status, String body, String... headerPairs) {
      var headers = new LinkedHashMap<String, String>();
      headers.put("Content-Type", "application/json");
      for (int i = 0; i < headerPairs.length; i += 2) {
        headers.put(headerPairs[i], headerPairs[i + 1]);
      }
      return new Answer(status, headers, body);
    }

    static Answer text(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "text/html"), body);
    }

    static Answer drop() {
      return new Answer(0, Map.of(), "");
    }
  }

  /** A request as it arrived. */
  record Request(String method, String path, String query, String idempotencyKey, long arrivalNanos) {}

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Answer> lastAnswers = new ConcurrentHashMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  ScriptedJobApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The root URL, e.g. {@code http://127.0.0.1:41234}. */
  URI root() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues answers for {@code "GET /prod/jobs/j1"} and the like, given in order. */
  ScriptedJobApi script(String methodAndPath, Answer... answers) {
    scripts.computeIfAbsent(methodAndPath, key -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    return this;
  }

  List<Request> requests(String method, String path) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    var uri = exchange.getRequestURI();
    var key = exchange.getRequestMethod() + " " + uri.getPath();
    requests.add(new Request(exchange.getRequestMethod(), uri.getPath(), uri.getQuery(),
        exchange.getRequestHeaders().getFirst("Idempotency-Key"), System.nanoTime()));
    var queue = scripts.get(key);
    Answer answer = queue == null ? null : queue.poll();
    if (answer != null) {
      lastAnswers.put(key, answer);
    } else {
      answer = lastAnswers.getOrDefault(key, Answer.json(404, "{\"detail\":\"not scripted\"}"));
    }
    try (exchange) {
      if (answer.status() == 0) {
        return; // closing without a response drops the connection
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
