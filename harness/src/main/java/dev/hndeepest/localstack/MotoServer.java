package dev.hndeepest.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * An AWS emulator endpoint for the local stack: either a {@code moto_server} started here from the
 * project venv on 127.0.0.1 and a free port (stopped on {@link #close()}), or an endpoint that
 * already runs (moto, LocalStack, whatever {@code AWS_ENDPOINT_URL} names), which is only checked.
 */
public final class MotoServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MotoServer.class);
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(60);
  private static final Duration REUSE_DEADLINE = Duration.ofSeconds(5);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final int START_ATTEMPTS = 3;
  static final String LAUNCHER = "serialized_dynamodb_moto_server.py";
  private static final String LAUNCHER_RESOURCE = "/moto/" + LAUNCHER;
  private static Path launcherCopy;

  /** The administrator of an emulator whose IAM does not check who calls (moto's default). */
  static final AwsCredentials ANYONE = AwsBasicCredentials.create("test", "test");

  private final URI endpoint;
  /** Requests moto lets through unchecked: the administrator's CreateUser, PutUserPolicy, CreateAccessKey. */
  static final int BOOTSTRAP_CALLS = EmulatorAdministrator.CALLS;

  private AwsCredentials administrator;
  private boolean iamEnforced;
  private final Process process;
  private final Path logFile;
  private final Thread shutdownHook;
  private boolean closed;

  private MotoServer(URI endpoint, AwsCredentials administrator, Process process, Path logFile) {
    this.endpoint = endpoint;
    this.administrator = administrator;
    this.process = process;
    this.logFile = logFile;
    // A JVM stopped with Ctrl-C must not leave an orphaned moto_server behind.
    this.shutdownHook = process == null ? null : new Thread(this::stopProcess, "moto-server-stop");
    if (shutdownHook != null) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  /** Starts {@code moto_server}, IAM enforced, from the venv of the checkout this process runs in. */
  public static MotoServer start() {
    return start(RepositoryRoot.locate(), true);
  }

  /**
   * Starts {@code moto_server} that lets every caller do everything, as moto does by default: for
   * a test that swaps the emulator under a running stack, whose credentials the new one never issued.
   */
  public static MotoServer startWithoutIam() {
    return start(RepositoryRoot.locate(), false);
  }

  /**
   * Starts {@code moto_server} from {@code <root>/.venv}, installing the venv on first use, through
   * {@value #LAUNCHER}, which handles DynamoDB requests one at a time (moto's own threads lose
   * writes when a failed transaction rolls back) and checks the IAM actions AWS checks (see the
   * script).
   *
   * <p>With {@code enforceIam}, moto runs with {@code INITIAL_NO_AUTH_ACTION_COUNT}: it lets the
   * first {@value #BOOTSTRAP_CALLS} requests through unchecked, which create the administrator
   * (an IAM user allowed everything), and from then on authenticates every request and checks
   * its action against the caller's policies.
   */
  public static MotoServer start(RepositoryRoot root, boolean enforceIam) {
    var python = new ProjectVenv(root).tool("moto_server").resolveSibling("python");
    EmulatorUnavailableException lastFailure = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      try {
        return startOnce(python, enforceIam);
      } catch (PortTakenException e) {
        // Another process took the free port between our probe and moto's bind: try another.
        lastFailure = e;
      }
    }
    throw lastFailure;
  }

  /**
   * Uses an emulator that already runs, administered with the process's AWS credentials when it
   * has any (a dummy pair otherwise); fails clearly when nothing answers there.
   */
  public static MotoServer reuse(URI endpoint) {
    return reuse(reuseAccess(endpoint, System.getenv()));
  }

  /** An emulator at {@code endpoint}, administered with the credentials in {@code env} or a dummy pair. */
  static EmulatorAccess reuseAccess(URI endpoint, Map<String, String> env) {
    var accessKey = Optional.ofNullable(env.get("AWS_ACCESS_KEY_ID")).filter(v -> !v.isBlank());
    var secretKey = Optional.ofNullable(env.get("AWS_SECRET_ACCESS_KEY")).filter(v -> !v.isBlank());
    return new EmulatorAccess(endpoint, accessKey.isPresent() && secretKey.isPresent()
        ? AwsBasicCredentials.create(accessKey.get(), secretKey.get()) : ANYONE);
  }

  /** Uses an emulator that already runs, as the given administrator; fails clearly when nothing answers. */
  public static MotoServer reuse(EmulatorAccess access) {
    var endpoint = access.endpoint();
    var administrator = access.administrator();
    var deadline = System.nanoTime() + REUSE_DEADLINE.toNanos();
    IOException lastError = null;
    while (System.nanoTime() < deadline) {
      try {
        probe(endpoint.resolve("/"));
        return new MotoServer(endpoint, administrator, null, null);
      } catch (IOException e) {
        lastError = e;
        sleep(Duration.ofMillis(200));
      }
    }
    throw new EmulatorUnavailableException(
        "the AWS endpoint " + endpoint + " does not answer (is the emulator running?)", lastError);
  }

  /** Where AWS clients should send their requests. */
  public URI endpoint() {
    return endpoint;
  }

  /** True when this moto was started here with IAM enforced; unknown (false) for a reused emulator. */
  public boolean iamEnforced() {
    return iamEnforced;
  }

  /** The endpoint and the administrator's credentials. */
  public EmulatorAccess access() {
    return new EmulatorAccess(endpoint, administrator);
  }

  /** True when this object started the emulator process (and so stops it on close). */
  public boolean startedHere() {
    return process != null;
  }

  /** The emulator's combined stdout and stderr, while a process started here runs. */
  public Optional<Path> logFile() {
    return Optional.ofNullable(logFile);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (process != null) {
      stopProcess();
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook is running or has run: nothing left to undo.
      }
      deleteQuietly(logFile);
    }
  }

  private static MotoServer startOnce(Path python, boolean enforceIam) {
    int port = freeLoopbackPort();
    var endpoint = URI.create("http://127.0.0.1:" + port);
    Path log;
    Process process;
    try {
      log = Files.createTempFile("moto-server-", ".log");
      var builder = new ProcessBuilder(python.toString(), launcherScript().toString(),
              "-H", "127.0.0.1", "-p", String.valueOf(port))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      if (enforceIam) {
        builder.environment().put("INITIAL_NO_AUTH_ACTION_COUNT", Integer.toString(BOOTSTRAP_CALLS));
      }
      process = builder.start();
    } catch (IOException e) {
      throw new EmulatorUnavailableException("cannot start moto_server with " + python, e);
    }
    var server = new MotoServer(endpoint, ANYONE, process, log);
    try {
      server.awaitAnswering();
      if (enforceIam) {
        server.administrator = EmulatorAdministrator.create(endpoint);
        server.iamEnforced = true;
      }
      LOG.info("moto_server started at {} (pid {}, IAM {})", endpoint, process.pid(),
          enforceIam ? "enforced" : "not enforced");
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The launcher, copied out of the jar once per JVM so Python can run it. */
  private static synchronized Path launcherScript() throws IOException {
    if (launcherCopy == null || !Files.isReadable(launcherCopy)) {
      try (var script = MotoServer.class.getResourceAsStream(LAUNCHER_RESOURCE)) {
        if (script == null) {
          throw new IOException(LAUNCHER_RESOURCE + " is missing from the classpath");
        }
        var copy = Files.createTempFile("hn-deepest-", "-" + LAUNCHER);
        Files.copy(script, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().deleteOnExit();
        launcherCopy = copy;
      }
    }
    return launcherCopy;
  }

  private void awaitAnswering() {
    var deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        var output = logTail();
        var message = "moto_server exited with code " + process.exitValue() + ":\n" + output;
        throw output.contains("Address already in use")
            ? new PortTakenException(message)
            : new EmulatorUnavailableException(message);
      }
      try {
        if (probe(endpoint.resolve("/moto-api/")) == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Still importing Python modules: poll again.
      }
      sleep(Duration.ofMillis(100));
    }
    throw new EmulatorUnavailableException(
        "moto_server did not answer at " + endpoint + " within " + STARTUP_DEADLINE + ":\n" + logTail());
  }

  private void stopProcess() {
    if (!process.isAlive()) {
      return;
    }
    List<ProcessHandle> descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private String logTail() {
    try {
      var lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** The HTTP status of a GET, or an IOException when nothing answers. */
  private static int probe(URI uri) throws IOException {
    try (var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
      var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static int freeLoopbackPort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorUnavailableException("interrupted while waiting for the emulator", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover temp log is harmless.
    }
  }

  private static final class PortTakenException extends EmulatorUnavailableException {
    PortTakenException(String message) {
      super(message);
    }
  }
}
