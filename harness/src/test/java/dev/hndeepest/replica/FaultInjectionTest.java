package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Starts an {@link HnReplicaServer} on 127.0.0.1 with injected faults and observes them. */
class FaultInjectionTest {

  private static final int REQUESTS = 2_000;

  @Test
  void faults_shouldOccurNearTheirRates_whenTwoThousandRequestsArrive() throws Exception {
    // GIVEN every fault kind at 4% (slow ones 30 ms late)
    FaultPlan plan =
        FaultPlan.none()
            .withSeed(42)
            .withErrors(0.04, 0.04, 0.04)
            .withSlow(0.04, Duration.ofMillis(30))
            .withTruncateRate(0.04)
            .withDropRate(0.04);
    try (var server =
        HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults().withFaults(plan))) {
      var http = new ReplicaHttp(server.baseUrl());

      // WHEN 2,000 requests arrive, 16 at a time, over every endpoint
      var statuses = new ConcurrentHashMap<Integer, LongAdder>();
      var failures = new LongAdder();
      var retryAfters = new LongAdder();
      List<String> paths =
          List.of("/item/1.json", "/item/8.json", "/maxitem.json", "/newstories.json");
      try (var clients = Executors.newFixedThreadPool(16, Thread.ofVirtual().factory())) {
        for (int i = 0; i < REQUESTS; i++) {
          String path = paths.get(i % paths.size());
          clients.submit(
              () -> {
                try {
                  var response = http.get(path);
                  statuses
                      .computeIfAbsent(response.statusCode(), code -> new LongAdder())
                      .increment();
                  if (response.headers().firstValue("Retry-After").isPresent()) {
                    retryAfters.increment();
                  }
                } catch (IOException e) {
                  failures.increment();
                }
                return null;
              });
        }
      }
      ReplicaStats stats = server.stats();

      // THEN each kind lands near 4% of what the server received (retries by the client included)
      double received = stats.requests();
      assertThat(received).isGreaterThanOrEqualTo(REQUESTS);
      for (FaultKind kind : FaultKind.PER_REQUEST) {
        assertThat(stats.faults(kind) / received)
            .as("share of %s", kind)
            .isBetween(0.04 * 0.7, 0.04 * 1.3);
      }
      // AND the client saw the error statuses the server counted, some with Retry-After
      assertThat(count(statuses, 429)).isEqualTo(stats.faults(FaultKind.TOO_MANY_REQUESTS));
      assertThat(count(statuses, 500)).isEqualTo(stats.faults(FaultKind.INTERNAL_ERROR));
      assertThat(count(statuses, 503)).isEqualTo(stats.faults(FaultKind.UNAVAILABLE));
      assertThat(retryAfters.sum())
          .isPositive()
          .isLessThan(
              stats.faults(FaultKind.TOO_MANY_REQUESTS) + stats.faults(FaultKind.UNAVAILABLE));
      // AND the broken answers reached the client as I/O failures
      assertThat(failures.sum()).isPositive();
      assertThat(
              failures.sum()
                  + count(statuses, 200)
                  + count(statuses, 429)
                  + count(statuses, 500)
                  + count(statuses, 503))
          .isEqualTo(REQUESTS);
    }
  }

  @Test
  void truncated_shouldPromiseTheFullLengthAndSendHalf_whenInjected() throws Exception {
    // GIVEN a replica that truncates every answer
    var plan = FaultPlan.none().withTruncateRate(1.0);
    try (var server =
        HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults().withFaults(plan))) {
      // WHEN item 1 is requested over a raw socket
      String raw = rawGet(server.port(), "/v0/item/1.json");

      // THEN the headers promise the whole item, half arrives, then the connection closes
      int headerEnd = raw.indexOf("\r\n\r\n");
      assertThat(raw).startsWith("HTTP/1.1 200");
      var length =
          Pattern.compile("(?i)content-length: (\\d+)").matcher(raw.substring(0, headerEnd));
      assertThat(length.find()).isTrue();
      int promised = Integer.parseInt(length.group(1));
      int received = raw.length() - headerEnd - 4;
      int full = ItemJsonLines.toJson(TestItems.smallSite().getFirst()).length;
      assertThat(promised).isEqualTo(full);
      assertThat(received).isEqualTo(full / 2);
      assertThat(server.stats().faults(FaultKind.TRUNCATED)).isEqualTo(1);
    }
  }

  @Test
  void truncated_shouldFailTheJdkClient_whenInjected() throws Exception {
    // GIVEN a replica that truncates every answer
    var plan = FaultPlan.none().withTruncateRate(1.0);
    try (var server =
        HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults().withFaults(plan))) {
      // WHEN / THEN a client reading the body sees an I/O error, not a short body
      assertThatThrownBy(() -> new ReplicaHttp(server.baseUrl()).get("/item/1.json"))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void dropped_shouldCloseTheConnectionWithoutAnyByte_whenInjected() throws Exception {
    // GIVEN a replica that drops every connection
    var plan = FaultPlan.none().withDropRate(1.0);
    try (var server =
        HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults().withFaults(plan))) {
      // WHEN a request is made over a raw socket
      String raw = rawGet(server.port(), "/v0/maxitem.json");

      // THEN the socket closes with nothing said
      assertThat(raw).isEmpty();
      assertThat(server.stats().faults(FaultKind.DROPPED)).isEqualTo(1);
      assertThat(server.stats().requests(EndpointKind.MAX_ITEM)).isEqualTo(1);
    }
  }

  @Test
  void slow_shouldAnswerCorrectlyButLate_whenInjected() throws Exception {
    // GIVEN a replica where every answer is 300 ms late
    var plan = FaultPlan.none().withSlow(1.0, Duration.ofMillis(300));
    try (var server =
        HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults().withFaults(plan))) {
      // WHEN an item is fetched
      long started = System.nanoTime();
      var response = new ReplicaHttp(server.baseUrl()).get("/item/2.json");
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

      // THEN the answer is right, and it took at least the extra delay
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"id\":2");
      assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(server.stats().faults(FaultKind.SLOW)).isEqualTo(1);
    }
  }

  @Test
  void errorStatus_shouldCarryRetryAfterOnSome429_whenInjected() throws Exception {
    // GIVEN a replica that answers 429 to everything
    var plan = FaultPlan.none().withSeed(7).withErrors(1.0, 0, 0);
    try (var server =
        HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults().withFaults(plan))) {
      var http = new ReplicaHttp(server.baseUrl());

      // WHEN forty items are requested
      var retryAfter = new ArrayList<String>();
      for (int i = 0; i < 40; i++) {
        var response = http.get("/item/1.json");
        assertThat(response.statusCode()).isEqualTo(429);
        response.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
      }

      // THEN some but not all carry Retry-After, in whole seconds
      assertThat(retryAfter).hasSizeBetween(5, 35).allMatch("1"::equals);
      assertThat(server.stats().repeatedItemAnswers()).isZero();
    }
  }

  private static long count(Map<Integer, LongAdder> statuses, int status) {
    LongAdder adder = statuses.get(status);
    return adder == null ? 0 : adder.sum();
  }

  /** Sends one GET and returns everything that arrives until the server closes the socket. */
  private static String rawGet(int port, String path) throws IOException {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      var received = new ByteArrayOutputStream();
      in.transferTo(received);
      return received.toString(StandardCharsets.UTF_8);
    }
  }
}
