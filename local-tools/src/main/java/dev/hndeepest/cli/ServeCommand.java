package dev.hndeepest.cli;

import dev.hndeepest.localstack.LocalStack;
import dev.hndeepest.localstack.LocalStackOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
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

  /** The stack options shared by serve and job. */
  static final class StackOptions {
    @Option(names = "--parameter-overrides", paramLabel = "NAME=VALUE", split = " ", arity = "1..*",
        description = "template.yaml parameter values, as for sam deploy (e.g. WorkerMaxConcurrency=8 "
            + "WorkQueueVisibilityTimeout=30); HnApiBaseUrl comes from --hn-api / --demo.")
    List<String> parameterOverrides = new ArrayList<>();

    LocalStack start(HnSource hn, int apiPort) {
      var options = LocalStackOptions.builder()
          .emulatorFromEnvironment(System.getenv())
          .parameter("HnApiBaseUrl", hn.baseUrl().toString())
          .parameters(parsedOverrides())
          .apiPort(apiPort)
          .clock(hn.clock());
      return LocalStack.start(options.build());
    }

    private Map<String, String> parsedOverrides() {
      var overrides = new LinkedHashMap<String, String>();
      for (var assignment : parameterOverrides) {
        int equals = assignment.indexOf('=');
        if (equals < 1) {
          throw new CommandLine.ParameterException(new CommandLine(this),
              "--parameter-overrides takes NAME=VALUE, got: " + assignment);
        }
        overrides.put(assignment.substring(0, equals), assignment.substring(equals + 1));
      }
      return overrides;
    }
  }
}
