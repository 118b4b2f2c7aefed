package dev.hndeepest.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The part of BENCHMARKS.md another measurement writes (SnapStart priming), kept when the benchmark rewrites the file. */
final class KeptSection {
  static final String MARKER = "<!-- kept: scripts/measure-priming.sh writes this section; the benchmark keeps it -->";

  private KeptSection() {}

  /** From the marker to the end of the existing file, after a blank line; empty when there is none. */
  static String of(Path report) throws IOException {
    if (!Files.exists(report)) {
      return "";
    }
    var text = Files.readString(report, StandardCharsets.UTF_8);
    int at = text.indexOf(MARKER);
    return at < 0 ? "" : "\n" + text.substring(at);
  }
}
