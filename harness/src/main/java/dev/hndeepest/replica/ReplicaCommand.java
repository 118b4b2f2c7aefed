package dev.hndeepest.replica;

import dev.hndeepest.hn.HnItem;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hn-deepest replica}: serves a local replica of the HN Firebase API until killed. The first
 * line on stdout is the base URL to pass as {@code --hn-api}.
 */
@Command(
    name = "replica",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a local replica of the Hacker News Firebase API on 127.0.0.1 until killed.",
      "Prints the base URL (for --hn-api) on the first line of stdout."
    })
public final class ReplicaCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = true)
  private DataSource source;

  /** Where the items come from: a JSON-lines file or the bundled snapshot (the default). */
  static final class DataSource {
    @Option(
        names = "--data",
        paramLabel = "FILE",
        description = "JSON-lines items to serve (plain or .gz).")
    Path data;

    @Option(names = "--snapshot", description = "Serve the bundled snapshot (the default).")
    boolean snapshot;
  }

  @Option(
      names = "--port",
      defaultValue = "8089",
      description = "Port (0 picks a free one; default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--latency-ms", defaultValue = "0", description = "Delay before every answer (the mean, with --latency-sigma).")
  private long latencyMs;

  @Option(
      names = "--latency-sigma",
      defaultValue = "0",
      description = "Lognormal shape of the delay: 0 is fixed; 0.97 puts the p99 at 6x the mean.")
  private double latencySigma;

  @Option(
      names = "--error-rate",
      defaultValue = "0",
      description = "Share of 429/500/503 answers, split evenly.")
  private double errorRate;

  @Option(
      names = "--slow-rate",
      defaultValue = "0",
      description = "Share of answers delayed by --slow-ms more.")
  private double slowRate;

  @Option(
      names = "--slow-ms",
      defaultValue = "2000",
      description = "Extra delay of a slow answer (default: ${DEFAULT-VALUE}).")
  private long slowMs;

  @Option(
      names = "--truncate-rate",
      defaultValue = "0",
      description = "Share of answers cut off halfway.")
  private double truncateRate;

  @Option(
      names = "--drop-rate",
      defaultValue = "0",
      description = "Share of connections closed without an answer.")
  private double dropRate;

  @Option(
      names = "--deny-rate",
      defaultValue = "0",
      description = "Share of items whose first request answers 401 Permission denied (later ones the item).")
  private double denyRate;

  @Option(
      names = "--fault-rate",
      defaultValue = "0",
      description = {
        "Share of requests faulted, spread evenly over every kind: 429, 500, 503, slow, truncated, dropped.",
        "Not with the rates of single kinds."
      })
  private double faultRate;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the fault decisions (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--as-of",
      converter = InstantArgument.class,
      description = "Answer as the live API did at this instant (ISO-8601 or epoch seconds).")
  private Instant asOf;

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    try {
      return serve();
    } finally {
      finished.countDown();
    }
  }

  private int serve() throws InterruptedException {
    ReplicaOptions options = toOptions();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<HnItem> items;
    HnReplicaServer server;
    try {
      items = loadItems();
      server = HnReplicaServer.start(items, options, port);
    } catch (BindException e) {
      err.println("hn-deepest replica: port " + port + " is in use; choose another with --port");
      return 1;
    } catch (IOException e) {
      err.println("hn-deepest replica: " + e.getMessage());
      return 1;
    }
    // SIGTERM and Ctrl-C run shutdown hooks: let serve() close the server before the JVM halts.
    Thread shutdownHook = new Thread(this::stopAndWait, "replica-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try (server) {
      out.println(server.baseUrl());
      out.flush();
      err.printf(
          "serving %d items (max id %s)%s%s; stop with Ctrl-C%n",
          items.size(),
          items.stream().mapToLong(HnItem::id).max().orElse(0),
          options.servedAsOf().map(instant -> " as of " + instant).orElse(""),
          describeFaults(options.faults()));
      err.flush();
      stopRequested.await();
      ReplicaStats stats = server.stats();
      err.printf(
          "replica stopped after %d requests (%d item requests, %d faults)%n",
          stats.requests(), stats.itemRequests(), stats.faults());
      err.flush();
    } finally {
      removeHook(shutdownHook);
    }
    return 0;
  }

  private static String describeFaults(FaultPlan faults) {
    if (faults.totalRate() == 0 && faults.denyRate() == 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        ", faulting %.1f%% of requests and denying %.1f%% of items once",
        faults.totalRate() * 100,
        faults.denyRate() * 100);
  }

  /** Ends {@link #call()}: what SIGTERM does, and what tests do. */
  void stop() {
    stopRequested.countDown();
  }

  private void stopAndWait() {
    stop();
    try {
      finished.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ReplicaOptions toOptions() {
    if (latencyMs < 0 || slowMs < 0) {
      throw new ParameterException(
          spec.commandLine(), "--latency-ms and --slow-ms must be zero or positive");
    }
    if (faultRate > 0 && errorRate + slowRate + truncateRate + dropRate > 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--fault-rate spreads over every kind; give it or the rates of single kinds, not both");
    }
    try {
      FaultPlan faults =
          FaultPlan.none()
              .withSeed(seed)
              .withErrorRate(errorRate)
              .withSlow(slowRate, Duration.ofMillis(slowMs))
              .withTruncateRate(truncateRate)
              .withDropRate(dropRate)
              .withDenyRate(denyRate);
      if (faultRate > 0) {
        faults = faults.withEveryKind(faultRate);
      }
      return new ReplicaOptions(new Latency(Duration.ofMillis(latencyMs), latencySigma), faults, Optional.ofNullable(asOf));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private List<HnItem> loadItems() throws IOException {
    if (source == null || source.data == null) {
      return Snapshot.load().items();
    }
    if (!Files.isRegularFile(source.data)) {
      throw new ParameterException(spec.commandLine(), "--data: no such file: " + source.data);
    }
    return ItemJsonLines.read(source.data);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running or has run.
    }
  }
}
