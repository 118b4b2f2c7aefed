package dev.hndeepest.harness;

import dev.hndeepest.cli.HnSourceOptions;
import dev.hndeepest.cli.StackOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hn-deepest serve}: the job API on loopback with no AWS account and no Docker, as
 * template.yaml deploys it. Starts or reuses an AWS emulator (moto from the project venv, or
 * $AWS_ENDPOINT_URL), creates the template's table and queues, and hosts the real Lambda handlers,
 * each with its own template environment and role, until stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Serve the job API locally: POST /jobs?hours=H, GET /jobs/{id}.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final DevHarness harness;

  @Option(names = "--port", defaultValue = "3000", description = "API port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
  int port;

  @Mixin HnSourceOptions source;

  @Mixin StackOptions stackOptions;

  ServeCommand(DevHarness harness) {
    this.harness = harness;
  }

  @Override
  public Integer call() throws InterruptedException {
    // A server shows its requests and jobs; set before the first logger exists.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    var out = spec.commandLine().getOut();
    var stopped = new CountDownLatch(1);
    try (var hn = source.open(Optional.of(harness));
        var stack = DevHarness.start(hn, port, stackOptions.parsedOverrides())) {
      out.printf("hn-deepest local stack%n");
      out.printf("  API:          %s   (POST /jobs?hours=H, GET /jobs/{id})%n", stack.apiBaseUrl());
      out.printf("  Web page:     %s/   (the API described: %s/openapi.json)%n", stack.apiBaseUrl(), stack.apiBaseUrl());
      out.printf("  AWS emulator: %s (%s)%n", stack.awsEndpoint(), stack.emulatorStartedHere()
          ? "moto, started here, IAM enforced: each function calls AWS with its own role" : "reused");
      out.printf("  HN API:       %s%n", hn.description());
      out.printf("Press Ctrl-C to stop.%n");
      out.flush();
      Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stopped::countDown));
      stopped.await();
    }
    return 0;
  }
}
