package dev.hndeepest.replica;

import dev.hndeepest.hn.HnItem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hn-deepest generate}: writes seeded, realistic HN items as JSON lines. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes seeded, realistic Hacker News items as JSON lines (gzip when FILE ends in .gz).",
      "The same options always write the same items."
    })
public final class GenerateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--hours", required = true, description = "Length of the span in hours.")
  private int hours;

  @Option(
      names = "--end",
      required = true,
      converter = InstantArgument.class,
      description = "End of the span: ISO-8601 instant or epoch seconds.")
  private Instant end;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write.")
  private Path out;

  @Option(
      names = "--posts-per-hour",
      defaultValue = "" + GeneratorSpec.DEFAULT_POSTS_PER_HOUR,
      description = "Average posts per hour (default: ${DEFAULT-VALUE}).")
  private double postsPerHour;

  @Option(
      names = "--comments-per-hour",
      defaultValue = "" + GeneratorSpec.DEFAULT_COMMENTS_PER_HOUR,
      description = "Average comments per hour (default: ${DEFAULT-VALUE}).")
  private double commentsPerHour;

  @Option(
      names = "--first-id",
      defaultValue = "" + GeneratorSpec.DEFAULT_FIRST_ID,
      description = "Id of the first id slot in the span (default: ${DEFAULT-VALUE}).")
  private long firstId;

  @Option(
      names = "--outlier-share",
      defaultValue = "0",
      description = {
        "Share of 30,000-id stretches holding a few items whose time is days away from their id",
        "neighbours, as on the live API (about " + GeneratorSpec.LIVE_OUTLIER_SHARE + "; default ${DEFAULT-VALUE})."
      })
  private double outlierShare;

  @Override
  public Integer call() throws IOException {
    GeneratorSpec generatorSpec = toSpec();
    long started = System.nanoTime();
    List<HnItem> items = new HnDataGenerator(generatorSpec).writeTo(out);
    double seconds = (System.nanoTime() - started) / 1e9;
    spec.commandLine()
        .getErr()
        .printf(
            "wrote %d items (ids %s) for %s to %s in %.1f s%n",
            items.size(),
            items.isEmpty() ? "none" : items.getFirst().id() + ".." + items.getLast().id(),
            generatorSpec.start() + " .. " + generatorSpec.end(),
            out,
            seconds);
    return 0;
  }

  private GeneratorSpec toSpec() {
    if (end.getNano() != 0) {
      throw new ParameterException(spec.commandLine(), "--end must be a whole second: " + end);
    }
    try {
      return GeneratorSpec.endingAt(seed, end, hours)
          .withRates(postsPerHour, commentsPerHour)
          .withFirstId(firstId)
          .withOutlierShare(outlierShare);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
