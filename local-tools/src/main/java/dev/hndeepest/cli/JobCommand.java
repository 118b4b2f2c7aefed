package dev.hndeepest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.config.AwsCallCounter;
import dev.hndeepest.json.Json;
import dev.hndeepest.localstack.LocalStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hn-deepest job}: asks the job API the question the way a user does — POST /jobs, then poll
 * GET /jobs/{id} — and prints the answer. Against {@code --api URL} (a running stack or a deployed
 * API), or else against a local stack it starts for the occasion.
 */
@Command(name = "job", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Submit one job to the job API, poll it to the end and print its answer.")
final class JobCommand implements Callable<Integer> {
  private static final Duration POLL_EVERY = Duration.ofMillis(250);

  @Spec CommandSpec spec;

  @Option(names = "--hours", required = true, paramLabel = "H", description = "Window length in hours.")
  String hours;

  @Option(names = "--as-of", paramLabel = "T", description = "End of the window (default: the time of submission).")
  String asOf;

  @Option(names = "--api", paramLabel = "URL",
      description = "A running job API (e.g. http://127.0.0.1:3000 or a deployed stage URL); default: start a local stack.")
  URI api;

  @Option(names = "--timeout", defaultValue = "900", paramLabel = "SECONDS",
      description = "Give up polling after this long (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--json", description = "Print the result object as JSON.")
  boolean json;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Option(names = "--stats", description = "After the answer, print on stderr what the job cost: time, "
      + "work messages, AWS calls (local stack only).")
  boolean stats;

  private Duration elapsed = Duration.ZERO;

  @Mixin HnSourceOptions source;

  @Mixin ServeCommand.StackOptions stackOptions;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (api != null) {
      return run(api);
    }
    try (var hn = source.open(); var stack = stackOptions.start(hn, 0)) {
      AwsCallCounter.reset();
      int exit = run(stack.apiBaseUrl());
      if (stats) {
        printStats(stack);
      }
      return exit;
    }
  }

  private void printStats(LocalStack stack) {
    var err = spec.commandLine().getErr();
    var worker = stack.workerStats().orElseThrow();
    err.printf("job stats: ended in %.2f s; %d work messages delivered (%d failed); AWS calls: %s%n",
        elapsed.toMillis() / 1000.0, worker.messagesDelivered(), worker.messagesFailed(), AwsCallCounter.snapshot());
    err.flush();
  }

  private int run(URI apiBase) throws IOException, InterruptedException {
    var err = spec.commandLine().getErr();
    try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
      var query = "hours=" + encode(hours) + (asOf == null ? "" : "&asOf=" + encode(asOf));
      var submitUrl = resolve(apiBase, "/jobs?" + query);
      var submitted = http.send(HttpRequest.newBuilder(submitUrl)
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      if (submitted.statusCode() != 202) {
        err.println("hn-deepest: the job API refused the job (" + submitted.statusCode() + "): " + detail(submitted.body()));
        return submitted.statusCode() == 400 ? HnDeepestCommand.EXIT_USAGE : HnDeepestCommand.EXIT_HN_UNAVAILABLE;
      }
      var location = submitted.headers().firstValue("Location").orElseThrow();
      long started = System.nanoTime();
      try {
        return poll(http, submitUrl.resolve(location), err);
      } finally {
        elapsed = Duration.ofNanos(System.nanoTime() - started);
      }
    }
  }

  private int poll(HttpClient http, URI jobUrl, PrintWriter err) throws IOException, InterruptedException {
    var deadline = Instant.now().plusSeconds(timeoutSeconds);
    try (var progress = ProgressBar.forStderr(err, quiet)) {
      while (Instant.now().isBefore(deadline)) {
        var response = http.send(HttpRequest.newBuilder(jobUrl).GET().build(), HttpResponse.BodyHandlers.ofString());
        var job = Json.read(response.body(), JsonNode.class);
        switch (job.path("status").asText()) {
          case "SUCCEEDED" -> {
            progress.close();
            return printResult(Json.MAPPER.treeToValue(job.get("result"), DeepestThreadResult.class));
          }
          case "FAILED" -> {
            progress.close();
            err.println("hn-deepest: job " + job.path("jobId").asText() + " FAILED: " + job.path("error").asText());
            return HnDeepestCommand.EXIT_HN_UNAVAILABLE;
          }
          case "PENDING", "RUNNING" -> progress.measured(
              job.at("/progress/batchesDone").asInt(), job.at("/progress/batchesTotal").asInt());
          default -> {
            err.println("hn-deepest: unexpected answer from " + jobUrl + " (" + response.statusCode() + "): "
                + detail(response.body()));
            return HnDeepestCommand.EXIT_HN_UNAVAILABLE;
          }
        }
        Thread.sleep(POLL_EVERY);
      }
    }
    err.println("hn-deepest: job at " + jobUrl + " did not finish within " + timeoutSeconds + " s");
    return HnDeepestCommand.EXIT_HN_UNAVAILABLE;
  }

  private int printResult(DeepestThreadResult result) {
    var out = spec.commandLine().getOut();
    out.println(json ? Json.write(result) : AnswerText.of(result));
    out.flush();
    return HnDeepestCommand.EXIT_OK;
  }

  private static URI resolve(URI base, String pathAndQuery) {
    var text = base.toString();
    return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + pathAndQuery);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String detail(String body) {
    try {
      var problem = Json.read(body, JsonNode.class);
      var params = problem.path("invalidParams");
      return params.isArray() && !params.isEmpty()
          ? params.get(0).path("name").asText() + " " + params.get(0).path("reason").asText()
          : problem.path("detail").asText(body);
    } catch (IllegalArgumentException e) {
      return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
  }
}
