package dev.hndeepest.replica;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request of the Firebase API: latency, then the fault or the answer. No thread waits
 * out the latency: the answer is scheduled on the replica's answering threads.
 */
final class ReplicaHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ReplicaHandler.class);
  private static final byte[] NULL_BODY = "null".getBytes(StandardCharsets.US_ASCII);

  private final ServedItems items;
  private final Latency latency;
  private final FaultPlan faults;
  private final ScheduledExecutorService answering;
  private final AtomicLong requestSequence = new AtomicLong();
  private final Set<Long> deniedOnce = ConcurrentHashMap.newKeySet();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicReference<RequestCounters> counters =
      new AtomicReference<>(new RequestCounters());

  ReplicaHandler(ServedItems items, ReplicaOptions options, ScheduledExecutorService answering) {
    this.items = items;
    this.latency = options.latency();
    this.faults = options.faults();
    this.answering = answering;
  }

  ReplicaStats stats() {
    return counters.get().snapshot();
  }

  void resetStats() {
    counters.set(new RequestCounters());
  }

  @Override
  public void handle(HttpExchange exchange) {
    int nowInFlight = inFlight.incrementAndGet();
    try {
      RequestCounters counting = counters.get();
      ReplicaRoute route =
          "GET".equals(exchange.getRequestMethod())
              ? ReplicaRoute.parse(exchange.getRequestURI().getPath())
              : new ReplicaRoute.Invalid(405, "only GET is served");
      counting.request(route.kind(), nowInFlight);
      if (route instanceof ReplicaRoute.Item item) {
        counting.itemRequested(item.id());
      }
      long sequence = requestSequence.getAndIncrement();
      // Every request draws its per-request fault, so denials don't shift the others' sequence.
      Optional<Fault> fault = faults.decide(sequence);
      if (route instanceof ReplicaRoute.Item item && deniesNow(item.id())) {
        fault = Optional.of(new Fault.Denied());
      }
      fault.ifPresent(f -> counting.fault(f.kind()));
      Duration delay = latency.draw(sequence);
      if (fault.orElse(null) instanceof Fault.Slow slow) {
        delay = delay.plus(slow.extraDelay());
      }
      Fault decided = fault.orElse(null);
      answering.schedule(() -> finish(exchange, route, decided, counting), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      // Not scheduled (the replica is closing, or a bug): end the exchange here.
      LOG.debug("replica dropped {}", exchange.getRequestURI(), e);
      inFlight.decrementAndGet();
      exchange.close();
    }
  }

  private void finish(HttpExchange exchange, ReplicaRoute route, Fault fault, RequestCounters counting) {
    try {
      respond(exchange, route, fault, counting);
    } catch (IOException e) {
      // The client went away mid-answer; there is no one left to tell.
    } catch (RuntimeException e) {
      LOG.warn("replica failed to answer {}", exchange.getRequestURI(), e);
    } finally {
      inFlight.decrementAndGet();
      exchange.close();
    }
  }

  /** The first request for an existing item the plan denies; later requests for it are answered. */
  private boolean deniesNow(long id) {
    return faults.deniesFirstRequest(id) && items.item(id).isPresent() && deniedOnce.add(id);
  }

  private void respond(
      HttpExchange exchange, ReplicaRoute route, Fault fault, RequestCounters counting)
      throws IOException {
    switch (fault) {
      case null -> answer(exchange, route, counting);
      case Fault.Slow slow -> answer(exchange, route, counting); // its extra delay was scheduled
      case Fault.ErrorStatus error -> {
        error
            .retryAfter()
            .ifPresent(
                wait ->
                    exchange
                        .getResponseHeaders()
                        .set("Retry-After", Long.toString(wait.toSeconds())));
        send(exchange, error.status(), errorBody(error.kind().name().toLowerCase()));
      }
      case Fault.Truncated truncated -> {
        byte[] body = body(route);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status(route), body.length);
        var out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        // Closing the exchange short of the promised length closes the connection.
        exchange.close();
      }
      case Fault.Denied denied -> send(exchange, denied.kind().status(), errorBody("Permission denied"));
      case Fault.Dropped dropped -> exchange.close(); // before any header: the socket just closes
    }
  }

  private void answer(HttpExchange exchange, ReplicaRoute route, RequestCounters counting)
      throws IOException {
    int status = status(route);
    if (status == 405) {
      exchange.getResponseHeaders().set("Allow", "GET");
    }
    send(exchange, status, body(route));
    if (route instanceof ReplicaRoute.Item item && status == 200) {
      counting.itemAnswered(item.id());
    }
  }

  private int status(ReplicaRoute route) {
    return route instanceof ReplicaRoute.Invalid invalid ? invalid.status() : 200;
  }

  private byte[] body(ReplicaRoute route) {
    return switch (route) {
      case ReplicaRoute.Item item ->
          items.item(item.id()).map(ItemJsonLines::toJson).orElse(NULL_BODY);
      case ReplicaRoute.Listing listing -> listing(listing.kind());
      case ReplicaRoute.Invalid invalid -> errorBody(invalid.reason());
    };
  }

  private byte[] listing(EndpointKind kind) {
    return switch (kind) {
      case MAX_ITEM -> Long.toString(items.maxItem()).getBytes(StandardCharsets.US_ASCII);
      case NEW_STORIES -> idArray(items.newStories());
      case TOP_STORIES -> idArray(items.topStories());
      case UPDATES ->
          ("{\"items\":"
                  + new String(idArray(items.updates()), StandardCharsets.US_ASCII)
                  + ",\"profiles\":[]}")
              .getBytes(StandardCharsets.US_ASCII);
      case ITEM, INVALID -> throw new IllegalArgumentException("not a listing: " + kind);
    };
  }

  private static byte[] idArray(List<Long> ids) {
    var json = new StringBuilder(ids.size() * 10 + 2).append('[');
    for (int i = 0; i < ids.size(); i++) {
      json.append(i == 0 ? "" : ",").append(ids.get(i));
    }
    return json.append(']').toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] errorBody(String reason) {
    var escaped = reason.replace("\\", "\\\\").replace("\"", "\\\"");
    return ("{\"error\":\"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
