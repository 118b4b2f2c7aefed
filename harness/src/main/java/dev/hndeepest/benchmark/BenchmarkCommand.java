package dev.hndeepest.benchmark;

import dev.hndeepest.config.Defaults;
import dev.hndeepest.replica.InstantArgument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hn-deepest benchmark}: the serial baseline, the command and the local job stack side by
 * side on one seeded data set served by the replica at a fixed latency; writes BENCHMARKS.md.
 * Exit 0 with the report written, 1 when the approaches disagree (nothing written), 2 on a usage
 * error.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Runs the original serial approach, the command and the local job stack on one seeded data set",
      "served by the HN replica at a fixed latency, checks they agree, and writes BENCHMARKS.md."
    })
public final class BenchmarkCommand implements Callable<Integer> {
  static final int EXIT_DISAGREE = 1;

  @Spec CommandSpec spec;

  @Option(names = "--latency-ms", defaultValue = "20", paramLabel = "MS",
      description = "Replica mean delay before every answer (default ${DEFAULT-VALUE}).")
  long latencyMs;

  @Option(names = "--latency-sigma", defaultValue = "0.97", paramLabel = "S",
      description = "Lognormal shape of the delay; 0 is fixed (default ${DEFAULT-VALUE}: p99 = 6x the mean).")
  double latencySigma;

  @Option(names = "--hours", defaultValue = "1,6,24,48,168", split = ",", paramLabel = "H",
      description = "Windows to measure, comma-separated (default ${DEFAULT-VALUE}; add 720 for 30 days).")
  List<Integer> hours;

  @Option(names = "--seed", defaultValue = "24", description = "Data generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--end", defaultValue = "2025-06-10T12:00:00Z", converter = InstantArgument.class,
      paramLabel = "T", description = "End of the data set and of every window; also \"now\" (default ${DEFAULT-VALUE}).")
  Instant end;

  @Option(names = "--out", defaultValue = "BENCHMARKS.md", paramLabel = "FILE",
      description = "Where to write the report (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--baseline-max-seconds", defaultValue = "180", paramLabel = "S",
      description = "Longest one baseline run may take; longer windows are scaled (default ${DEFAULT-VALUE}).")
  long baselineMaxSeconds;

  @Option(names = "--concurrency", defaultValue = "" + Defaults.HN_CONCURRENCY, paramLabel = "N",
      description = "HN requests in flight of the command and the Go peer (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--stack-concurrency", defaultValue = "32", paramLabel = "N",
      description = "HN requests in flight per job stack worker invocation, HnConcurrency (default ${DEFAULT-VALUE}, the template's).")
  int stackConcurrency;

  @Option(names = "--workers", defaultValue = "4", paramLabel = "N",
      description = "Job stack queue workers (default ${DEFAULT-VALUE}).")
  int workers;

  @Override
  public Integer call() throws IOException {
    BenchmarkSettings settings;
    try {
      settings = new BenchmarkSettings(Duration.ofMillis(latencyMs), latencySigma, hours, seed, end, out,
          Duration.ofSeconds(baselineMaxSeconds), concurrency, workers, stackConcurrency, commandLine());
      settings.replicaLatency();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    var err = spec.commandLine().getErr();
    BenchmarkResults results;
    try {
      results = new Benchmark(settings, err).run();
    } catch (AnswersDisagreeException e) {
      err.println("hn-deepest benchmark: FAILED, " + e.getMessage());
      err.flush();
      return EXIT_DISAGREE;
    }
    var targets = TargetCheck.evaluate(results);
    var kept = KeptSection.of(settings.out());
    Files.writeString(settings.out(), BenchmarkReport.markdown(results, targets) + kept, StandardCharsets.UTF_8);
    var stdout = spec.commandLine().getOut();
    stdout.print(BenchmarkReport.table(results));
    stdout.println();
    for (var target : targets) {
      stdout.println(target.verdict() + "  " + target.target() + ": " + target.measured());
    }
    stdout.println("written to " + settings.out());
    stdout.flush();
    return 0;
  }

  private String commandLine() {
    // The original arguments start with the subcommand's name.
    var args = spec.commandLine().getParseResult().originalArgs();
    var text = new StringBuilder("./hn-deepest");
    for (var arg : args) {
      text.append(' ').append(arg.matches("[A-Za-z0-9_./:,=@+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return text.toString();
  }
}
