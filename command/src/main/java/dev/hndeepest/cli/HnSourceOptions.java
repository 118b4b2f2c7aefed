package dev.hndeepest.cli;

import dev.hndeepest.config.Defaults;
import java.net.URI;
import picocli.CommandLine.Option;

/** The options that choose the HN source, shared by the commands. */
final class HnSourceOptions {
  @Option(names = "--hn-api", paramLabel = "URL",
      description = "HN API base URL (default: $HN_API_BASE_URL or the official API).",
      defaultValue = "${env:HN_API_BASE_URL:-" + Defaults.FIREBASE_BASE_URL + "}")
  URI hnApi;

  @Option(names = "--demo", description = "Serve the bundled snapshot in-process and answer as of its end; no network.")
  boolean demo;

  HnSource open() {
    return HnSource.open(demo, hnApi);
  }
}
