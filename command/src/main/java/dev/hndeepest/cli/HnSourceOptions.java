package dev.hndeepest.cli;

import dev.hndeepest.config.Defaults;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that choose the HN source, shared by the commands. */
public final class HnSourceOptions {
  @Option(names = "--hn-api", paramLabel = "URL",
      description = "HN API base URL (default: $HN_API_BASE_URL or the official API).",
      defaultValue = "${env:HN_API_BASE_URL:-" + Defaults.FIREBASE_BASE_URL + "}")
  URI hnApi;

  @Option(names = "--demo", description = "Serve the bundled snapshot in-process and answer as of its end; no network.")
  boolean demo;

  public boolean demo() {
    return demo;
  }

  public URI hnApi() {
    return hnApi;
  }

  /**
   * The chosen source, opened.
   *
   * @throws NoHarnessException for {@code --demo} without the development harness
   */
  public HnSource open(Optional<LocalHarness> harness) {
    if (!demo) {
      return HnSource.remote(hnApi);
    }
    return harness.orElseThrow(() -> new NoHarnessException("--demo")).demoSource();
  }

  /** Asked for what only the development harness provides, in a build without it. */
  public static final class NoHarnessException extends RuntimeException {
    public NoHarnessException(String what) {
      super(what + " needs the development harness: run ./hn-deepest from the repository");
    }
  }
}
