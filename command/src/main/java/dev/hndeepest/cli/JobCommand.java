package dev.hndeepest.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.config.Defaults;
import dev.hndeepest.request.InvalidRequestException;
import dev.hndeepest.request.WindowRequestParser;
import dev.hndeepest.json.Json;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hn-deepest job}: asks the job API the question the way a user does — POST /jobs, then poll
 * GET /jobs/{id} — and prints the answer. Against {@code --api URL} (a running stack or a deployed
 * API), or else against a local stack that the development harness starts for the occasion.
 */
@Command(name = "job", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Submit one job to the job API, poll it to the end and print its answer.")
final class JobCommand implements Callable<Integer> {
  private static final Duration POLL_EVERY = Duration.ofMillis(250);

  @Spec CommandSpec spec;

  @ParentCommand HnDeepestCommand parent;

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

  @Option(names = "--stall-seconds", defaultValue = "30", paramLabel = "S",
      description = "Give up (exit 1) once the API has given no usable answer for this long; until then 429, 5xx, "
          + "unreadable answers and broken connections are retried, after the server's Retry-After (default ${DEFAULT-VALUE}).")
  int stallSeconds;

  @Option(names = "--json", description = "Print the result object as JSON.")
  boolean json;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Option(names = "--stats", description = "After the answer, print on stderr what the job cost: time, "
      + "work messages, AWS calls (local stack only).")
  boolean stats;

  private Duration elapsed = Duration.ZERO;

  @Mixin HnSourceOptions source;

  @Mixin StackOptions stackOptions;

  @Override
  public Integer call() throws InterruptedException {
    if (stallSeconds < 1 || stallSeconds > 3_600) {
      var err = spec.commandLine().getErr();
      err.println("hn-deepest: --stall-seconds must be from 1 to 3600, got " + stallSeconds + " (see --help)");
      return HnDeepestCommand.EXIT_USAGE;
    }
    if (api != null) {
      return run(api);
    }
    var harness = parent.harness();
    if (harness.isEmpty()) {
      return HnDeepestCommand.usageError(spec.commandLine().getErr(),
          "--api is required: " + new HnSourceOptions.NoHarnessException("a local job stack").getMessage());
    }
    try (var hn = source.open(harness); var stack = harness.get().startJobStack(hn, 0, stackOptions.parsedOverrides())) {
      hn.snapshot().ifPresent(coverage -> demoNotice(coverage, hn));
      stack.startCounting();
      int exit = run(stack.apiBaseUrl());
      if (stats) {
        var err = spec.commandLine().getErr();
        err.println(stack.costOfJob(elapsed));
        err.flush();
      }
      return exit;
    }
  }

  /** The snapshot's notice for the window this job asks for, as the stack will read it; nothing if the question is bad (the API says why). */
  private void demoNotice(HnSource.Coverage coverage, HnSource hn) {
    try {
      var window = new WindowRequestParser(Defaults.MAX_HOURS).parse(hours, asOf, hn.now()).window();
      HnDeepestCommand.announce(spec.commandLine().getErr(), DemoNotice.lines(coverage, window));
    } catch (InvalidRequestException e) {
      HnDeepestCommand.announce(spec.commandLine().getErr(), List.of(DemoNotice.synthetic(coverage)));
    }
  }

  private int run(URI apiBase) throws InterruptedException {
    var err = spec.commandLine().getErr();
    var scheme = apiBase.getScheme();
    if (apiBase.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      err.println("hn-deepest: --api must be an absolute http or https URL, got " + apiBase + " (see --help)");
      return HnDeepestCommand.EXIT_USAGE;
    }
    try (var caller = new JobApiCaller(Duration.ofSeconds(stallSeconds))) {
      var query = "hours=" + encode(hours) + (asOf == null ? "" : "&asOf=" + encode(asOf));
      // The key makes a retried POST safe: the API answers a repeat with the job the first one made.
      var submit = HttpRequest.newBuilder(JobApiCaller.resolve(apiBase, "/jobs?" + query))
          .timeout(JobApiCaller.REQUEST_TIMEOUT)
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .POST(HttpRequest.BodyPublishers.noBody()).build();
      var submitted = caller.call(submit, "submitting the job");
      if (submitted.status() != 202 && submitted.status() != 200) {
        err.println("hn-deepest: the job API refused the job (" + submitted.status() + "): " + submitted.detail());
        return submitted.status() == 400 ? HnDeepestCommand.EXIT_USAGE : HnDeepestCommand.EXIT_HN_UNAVAILABLE;
      }
      var jobUrl = jobUrl(apiBase, submitted);
      long started = System.nanoTime();
      try {
        return poll(caller, jobUrl, submitted.retryAfter(), err);
      } finally {
        elapsed = Duration.ofNanos(System.nanoTime() - started);
      }
    } catch (JobApiCaller.GaveUpException e) {
      err.println("hn-deepest: " + e.getMessage());
      return HnDeepestCommand.EXIT_HN_UNAVAILABLE;
    } catch (IllegalArgumentException e) {
      // A Location or link that is no URL: the API answered something this command cannot follow.
      err.println("hn-deepest: the job API at " + apiBase + " answered a job link that is not a URL: "
          + JobApiCaller.oneLine(e.getMessage()));
      return HnDeepestCommand.EXIT_HN_UNAVAILABLE;
    }
  }

  /** The job's URL: the {@code Location} header, else the body's {@code links.self}, else {@code /jobs/{jobId}}. */
  private static URI jobUrl(URI apiBase, JobApiCaller.Answer submitted) {
    var location = submitted.headers().firstValue("Location")
        .or(() -> Optional.ofNullable(submitted.json().path("links").path("self").textValue()))
        .orElseGet(() -> "/jobs/" + encode(submitted.json().path("jobId").asText()));
    return JobApiCaller.resolve(apiBase, location);
  }

  private int poll(JobApiCaller caller, URI jobUrl, Optional<Duration> firstWait, PrintWriter err)
      throws JobApiCaller.GaveUpException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    var request = HttpRequest.newBuilder(jobUrl).timeout(JobApiCaller.REQUEST_TIMEOUT).GET().build();
    Optional<Duration> wait = firstWait;
    try (var progress = ProgressBar.forStderr(err, quiet, null, "waiting for the job to find its window", "batches")) {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        Thread.sleep(Duration.ofNanos(Math.min(left, pollDelay(wait).toNanos())));
        var answer = caller.call(request, "polling " + jobUrl.getPath());
        if (answer.status() != 200) {
          progress.close();
          err.println("hn-deepest: the job API answered " + answer.status() + " for " + jobUrl + ": " + answer.detail());
          return HnDeepestCommand.EXIT_HN_UNAVAILABLE;
        }
        var job = answer.json();
        switch (job.path("status").asText()) {
          case "SUCCEEDED" -> {
            var result = readResult(job);
            if (result.isPresent()) {
              progress.close();
              return printResult(result.get());
            }
            // A success without a readable result: ask again, as for any unreadable answer.
          }
          case "FAILED" -> {
            progress.close();
            err.println("hn-deepest: job " + job.path("jobId").asText() + " FAILED: " + job.path("error").asText());
            return HnDeepestCommand.EXIT_HN_UNAVAILABLE;
          }
          case "CANCELLED" -> {
            progress.close();
            err.println("hn-deepest: job " + job.path("jobId").asText() + " was cancelled");
            return HnDeepestCommand.EXIT_HN_UNAVAILABLE;
          }
          default -> progress.measured(
              job.at("/progress/batchesDone").asInt(), job.at("/progress/batchesTotal").asInt());
        }
        wait = answer.retryAfter();
      }
    }
    err.println("hn-deepest: job at " + jobUrl + " did not finish within " + timeoutSeconds + " s");
    return HnDeepestCommand.EXIT_HN_UNAVAILABLE;
  }

  /** The server's polling hint when it gave one (capped), else {@link #POLL_EVERY}. */
  private static Duration pollDelay(Optional<Duration> retryAfter) {
    return retryAfter.map(wait -> wait.compareTo(JobApiCaller.LONGEST_RETRY_AFTER) > 0
        ? JobApiCaller.LONGEST_RETRY_AFTER : wait).orElse(POLL_EVERY);
  }

  private static Optional<DeepestThreadResult> readResult(JsonNode job) {
    try {
      return Optional.ofNullable(Json.MAPPER.treeToValue(job.get("result"), DeepestThreadResult.class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private int printResult(DeepestThreadResult result) {
    var out = spec.commandLine().getOut();
    out.println(json ? Json.write(result) : AnswerText.of(result));
    out.flush();
    return HnDeepestCommand.EXIT_OK;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

}
