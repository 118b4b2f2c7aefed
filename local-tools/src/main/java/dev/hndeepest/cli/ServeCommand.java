package dev.hndeepest.cli;

import dev.hndeepest.localstack.LocalStack;
import dev.hndeepest.localstack.LocalStackOptions;
import dev.hndeepest.localstack.RealHandlers;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hn-deepest serve}: the job API on loopback with no AWS account and no Docker. Starts or
 * reuses an AWS emulator (moto from the project venv, or $AWS_ENDPOINT_URL such as LocalStack),
 * creates the table and queues, and hosts the real Lambda handlers until stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Serve the job API locally: POST /jobs?hours=H, GET /jobs/{id}.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "3000", description = "API port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
  int port;

  @Mixin HnSourceOptions source;

  @Mixin StackOptions stackOptions;

  @Override
  public Integer call() throws InterruptedException {
    // A server shows its requests and jobs; set before the first logger exists.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    var out = spec.commandLine().getOut();
    var stopped = new CountDownLatch(1);
    try (var hn = source.open(); var stack = stackOptions.start(hn, port)) {
      out.printf("hn-deepest local stack%n");
      out.printf("  API:          %s   (POST /jobs?hours=H, GET /jobs/{id})%n", stack.apiBaseUrl());
      out.printf("  AWS emulator: %s (%s)%n", stack.awsEndpoint(),
          stack.emulatorStartedHere() ? "moto, started here" : "reused");
      out.printf("  HN API:       %s%n", hn.description());
      out.printf("Press Ctrl-C to stop.%n");
      out.flush();
      Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stopped::countDown));
      stopped.await();
    }
    return 0;
  }

  /** The stack options shared by serve and job. */
  static final class StackOptions {
    @Option(names = "--workers", defaultValue = "4", description = "Concurrent queue pollers (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--visibility-timeout", defaultValue = "30",
        description = "Work queue visibility timeout in seconds (default ${DEFAULT-VALUE}).")
    int visibilityTimeoutSeconds;

    LocalStack start(HnSource hn, int apiPort) {
      var options = LocalStackOptions.builder()
          .environment(System.getenv())
          .baseConfig(StackConfig.withHnApi(hn.baseUrl()))
          .apiPort(apiPort)
          .workers(workers)
          .visibilityTimeout(Duration.ofSeconds(visibilityTimeoutSeconds));
      return LocalStack.start(new RealHandlers(hn.clock()).install(options).build());
    }
  }
}
