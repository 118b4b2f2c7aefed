package dev.hndeepest.replica;

import com.sun.net.httpserver.HttpServer;
import dev.hndeepest.hn.HnItem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A local stand-in for the Hacker News Firebase API ({@code /v0/item/{id}.json}, {@code
 * /maxitem.json}, {@code /newstories.json}, {@code /topstories.json}, {@code /updates.json})
 * serving an in-memory item set on 127.0.0.1, with optional latency, injected faults and
 * server-side request counters.
 *
 * <p>It runs on its own few platform threads (the server's dispatcher, request threads and
 * answering threads; no thread waits out a latency), so {@link #cpuNanos()} can tell its CPU
 * time apart from that of the clients sharing its JVM.
 */
public final class HnReplicaServer implements AutoCloseable {

  /** Room for many simultaneous connection attempts from a fan-out client. */
  private static final int ACCEPT_BACKLOG = 1024;

  private static final byte[] LOOPBACK = {127, 0, 0, 1};

  /** Request and answering threads each: enough for a loopback server whose threads never wait. */
  private static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final HttpServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService answering;
  private final ReplicaHandler handler;
  private final ReplicaThreads threads;

  private HnReplicaServer(HttpServer server, ExecutorService executor, ScheduledExecutorService answering,
      ReplicaHandler handler, ReplicaThreads threads) {
    this.server = server;
    this.executor = executor;
    this.answering = answering;
    this.handler = handler;
    this.threads = threads;
  }

  /** Serves the items on an ephemeral port. */
  public static HnReplicaServer start(Collection<HnItem> items, ReplicaOptions options)
      throws IOException {
    return start(items, options, 0);
  }

  /** Serves the items on the given port (0 picks a free one). */
  public static HnReplicaServer start(Collection<HnItem> items, ReplicaOptions options, int port)
      throws IOException {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
    }
    ServedItems served =
        options
            .servedAsOf()
            .map(asOf -> ServedItems.asOf(items, asOf))
            .orElseGet(() -> ServedItems.all(items));
    var threads = new ReplicaThreads();
    ScheduledExecutorService answering = Executors.newScheduledThreadPool(THREADS, threads.factory("hn-replica-answer-"));
    var handler = new ReplicaHandler(served, options, answering);
    var address = new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port);
    HttpServer server = HttpServer.create(address, ACCEPT_BACKLOG);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, threads.factory("hn-replica-request-"));
    server.setExecutor(executor);
    server.createContext("/", handler);
    threads.startCounting(server::start);
    return new HnReplicaServer(server, executor, answering, handler, threads);
  }

  /** Serves the items of a JSON-lines file (plain or {@code .gz}) on the given port. */
  public static HnReplicaServer start(Path jsonLines, ReplicaOptions options, int port)
      throws IOException {
    return start(ItemJsonLines.read(jsonLines), options, port);
  }

  /**
   * {@code http://127.0.0.1:PORT/v0}, the value for {@code HN_API_BASE_URL} or {@code --hn-api}.
   */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port() + "/v0");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Counters since the start or the last {@link #resetStats()}. */
  public ReplicaStats stats() {
    return handler.stats();
  }

  /** Starts the counters again from zero; the fault sequence carries on. */
  public void resetStats() {
    handler.resetStats();
  }

  /** CPU time (user + system) the replica's threads have used since it started. */
  public long cpuNanos() {
    return threads.cpuNanos();
  }

  /** Stops accepting, drops open connections and ends the request threads. */
  @Override
  public void close() {
    server.stop(0);
    answering.shutdownNow();
    executor.shutdownNow();
  }
}
