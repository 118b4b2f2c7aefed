package dev.hndeepest.cli;

import dev.hndeepest.answer.DeepestThreadFinder;
import dev.hndeepest.answer.DeepestThreadResult;
import dev.hndeepest.config.Defaults;
import dev.hndeepest.config.Environment;
import dev.hndeepest.hn.CommentText;
import dev.hndeepest.hn.FirebaseHnClient;
import dev.hndeepest.hn.HnClientConfig;
import dev.hndeepest.hn.HnUnavailableException;
import dev.hndeepest.hn.RetryPolicy;
import dev.hndeepest.json.Json;
import dev.hndeepest.request.InvalidRequestException;
import dev.hndeepest.request.WindowRequest;
import dev.hndeepest.request.WindowRequestParser;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hn-deepest}: the Hacker News post with the deepest comment thread among the posts of the
 * past {@code --hours} hours (PRODUCT.md §6). Exit 0 with an answer, 2 on a usage error, 1 when
 * the HN API can't be reached. The shipped command; the development harness adds its own
 * subcommands and the bundled snapshot ({@link #commandLine(Optional)}).
 */
@Command(
    name = "hn-deepest",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersion.class,
    sortOptions = false,
    description = "Finds the Hacker News post with the deepest comment thread in the past H hours.",
    subcommands = JobCommand.class,
    exitCodeOnInvalidInput = 2)
public final class HnDeepestCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_HN_UNAVAILABLE = 1;
  static final int EXIT_USAGE = 2;

  @Spec CommandLine.Model.CommandSpec spec;

  private final Optional<LocalHarness> harness;

  @Option(names = "--hours", paramLabel = "H", description = "Window length in hours, 1 to MAX_HOURS (default " + Defaults.MAX_HOURS + ").")
  String hours;

  @Option(names = "--as-of", paramLabel = "T",
      description = "End of the window: ISO-8601 instant or epoch seconds (default: now; with --demo: the snapshot's end).")
  String asOf;

  @Mixin HnSourceOptions source;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + Defaults.HN_CONCURRENCY,
      description = "Most HN requests in flight at once (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--stall-seconds", paramLabel = "S", defaultValue = "30",
      description = "Give up (exit 1) once no HN request has succeeded for this long; until then failing "
          + "requests are retried (default ${DEFAULT-VALUE}).")
  int stallSeconds;

  @Option(names = "--json", description = "Print the result object as JSON (stdout holds only the JSON).")
  boolean json;

  @Option(names = "--quiet", description = "No progress bar on stderr.")
  boolean quiet;


  private HnDeepestCommand(Optional<LocalHarness> harness) {
    this.harness = harness;
  }

  /** The development harness, when this command runs with it. */
  Optional<LocalHarness> harness() {
    return harness;
  }

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    if (hours == null) {
      return usageError(err, "--hours is required");
    }
    if (concurrency < 1 || concurrency > 1024) {
      return usageError(err, "--concurrency must be from 1 to 1024, got " + concurrency);
    }
    if (!source.demo && !isHttpUrl(source.hnApi)) {
      return usageError(err, "--hn-api must be an absolute http or https URL, got '" + source.hnApi + "'");
    }
    if (stallSeconds < 1 || stallSeconds > RetryPolicy.LONGEST_ALLOWED_STALL.toSeconds()) {
      return usageError(err, "--stall-seconds must be from 1 to " + RetryPolicy.LONGEST_ALLOWED_STALL.toSeconds()
          + ", got " + stallSeconds);
    }
    HnSource opened;
    try {
      opened = source.open(harness);
    } catch (HnSourceOptions.NoHarnessException e) {
      return usageError(err, e.getMessage());
    }
    try (var hn = opened) {
      return answer(hn, err);
    }
  }

  private int answer(HnSource hn, PrintWriter err) {
    var baseUrl = hn.baseUrl();
    var now = hn.now();
    WindowRequest request;
    try {
      request = new WindowRequestParser(maxHours()).parse(hours, asOf, now);
    } catch (InvalidRequestException e) {
      var first = e.invalidParams().getFirst();
      return usageError(err, "--" + (first.name().equals("asOf") ? "as-of" : first.name()) + " " + first.reason());
    }
    hn.snapshot().ifPresent(coverage -> announce(err, DemoNotice.lines(coverage, request.window())));
    var config = HnClientConfig.defaults(baseUrl).withMaxConcurrency(concurrency)
        .withStallTimeout(Duration.ofSeconds(stallSeconds));
    try (var client = new FirebaseHnClient(config)) {
      warmUpAnswer();
      var progress = ProgressBar.forStderr(err, quiet, () -> client.stats().itemsFetched(), "finding the window",
          "posts");
      DeepestThreadResult result;
      try {
        result = new DeepestThreadFinder(client, hn.source(), Clock.fixed(now, ZoneOffset.UTC))
            .find(request.window(), progress);
      } finally {
        progress.close();
      }
      var out = spec.commandLine().getOut();
      out.println(json ? Json.write(result) : AnswerText.of(result) + AnswerText.requests(client.stats()));
      out.flush();
      return EXIT_OK;
    } catch (HnUnavailableException e) {
      err.println("hn-deepest: the HN API at " + baseUrl + " cannot be reached or keeps failing: " + e.getMessage());
      return EXIT_HN_UNAVAILABLE;
    }
  }

  /**
   * Loads what turns the winner into an answer (the comments' HTML parser, the JSON serializer) on
   * a spare thread while the HN requests wait, instead of after the last one.
   */
  private void warmUpAnswer() {
    Thread.ofPlatform().daemon().name("answer-warm-up").start(() -> {
      CommentText.excerpt("<p>It&#x27;s <i>warm</i>.");
      if (json) {
        Json.MAPPER.writerFor(DeepestThreadResult.class);
      }
    });
  }

  /** What the HN client takes as a base URL: absolute http or https, with a host, no query or fragment. */
  private static boolean isHttpUrl(URI url) {
    if (url == null || url.getHost() == null || url.getQuery() != null || url.getFragment() != null) {
      return false;
    }
    return "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
  }

  private static int maxHours() {
    return Environment.of(System.getenv()).positiveInt("MAX_HOURS").orElse(Defaults.MAX_HOURS);
  }

  /** Lines for stderr that are no progress: said whether stderr is a terminal or not. */
  static void announce(PrintWriter err, List<String> lines) {
    lines.forEach(err::println);
    err.flush();
  }

  static int usageError(PrintWriter err, String reason) {
    err.println("hn-deepest: " + reason + " (see --help)");
    err.flush();
    return EXIT_USAGE;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The shipped command line, also used by tests to run the command in-process. */
  public static CommandLine commandLine() {
    return commandLine(Optional.empty());
  }

  /**
   * The command line with {@code harness} behind {@code --demo} and {@code job} without {@code
   * --api}, and {@code subcommands} (picocli commands) after {@code job}.
   */
  public static CommandLine commandLine(Optional<LocalHarness> harness, Object... subcommands) {
    var commandLine = new CommandLine(new HnDeepestCommand(harness));
    for (var subcommand : subcommands) {
      commandLine.addSubcommand(subcommand);
    }
    commandLine.setParameterExceptionHandler((exception, args) -> {
      usageError(exception.getCommandLine().getErr(), exception.getMessage());
      return EXIT_USAGE;
    });
    return commandLine;
  }
}
