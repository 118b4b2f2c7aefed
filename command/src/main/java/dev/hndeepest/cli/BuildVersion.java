package dev.hndeepest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version and the commit the build baked into {@code hn-deepest-build.properties}. */
public final class BuildVersion implements IVersionProvider {
  static final String RESOURCE = "/hn-deepest-build.properties";

  @Override
  public String[] getVersion() {
    return new String[] {line(read())};
  }

  /** {@code hn-deepest 1.0.0-SNAPSHOT (commit 0123456789ab, 2025-06-10T12:00:00Z)}, "+ local changes" when built from a dirty tree. */
  static String line(Properties build) {
    var commit = value(build, "commit");
    var time = value(build, "commitTime");
    var changes = "true".equals(value(build, "dirty")) ? ", with local changes" : "";
    return "hn-deepest %s (commit %s%s%s)".formatted(value(build, "version"), commit == null ? "unknown" : commit,
        time == null ? "" : ", " + time, commit == null ? "" : changes);
  }

  static Properties read() {
    var build = new Properties();
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return build;
  }

  /** A filled-in value; null for one the build could not fill (no git: the placeholder stays). */
  private static String value(Properties build, String key) {
    var value = build.getProperty(key);
    return value == null || value.isBlank() || value.startsWith("${") ? null : value.strip();
  }
}
