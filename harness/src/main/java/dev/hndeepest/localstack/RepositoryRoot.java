package dev.hndeepest.localstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The hn-deepest checkout this process belongs to: the directory holding {@code mvnw} and
 * {@code template.yaml} or {@code pom.xml}, where {@code scripts/} and {@code .venv/} live.
 */
public record RepositoryRoot(Path path) {
  /** System property naming the checkout explicitly; the environment variable is {@code HN_ROOT}. */
  public static final String PROPERTY = "hndeepest.root";

  public RepositoryRoot {
    path = path.toAbsolutePath().normalize();
  }

  /**
   * The explicit root ({@code -Dhndeepest.root}, then {@code HN_ROOT}), else the first directory
   * above the working directory, then above this class's jar, that looks like the checkout.
   */
  public static RepositoryRoot locate() {
    var explicit = Optional.ofNullable(System.getProperty(PROPERTY))
        .or(() -> Optional.ofNullable(System.getenv("HN_ROOT")))
        .filter(value -> !value.isBlank());
    if (explicit.isPresent()) {
      return explicit(Path.of(explicit.get()));
    }
    var workingDir = Path.of("").toAbsolutePath();
    return searchUpFrom(workingDir)
        .or(() -> codeLocation().flatMap(RepositoryRoot::searchUpFrom))
        .orElseThrow(() -> new IllegalStateException(
            "cannot find the hn-deepest checkout (mvnw + pom.xml) above " + workingDir
                + "; run from inside it or pass -D" + PROPERTY + "=<path>"));
  }

  /** The given directory, which must look like the checkout. */
  public static RepositoryRoot explicit(Path dir) {
    if (!looksLikeRoot(dir)) {
      throw new IllegalStateException(
          dir + " is not the hn-deepest checkout: it has no mvnw beside template.yaml or pom.xml");
    }
    return new RepositoryRoot(dir);
  }

  /** The nearest directory at or above {@code start} that looks like the checkout. */
  public static Optional<RepositoryRoot> searchUpFrom(Path start) {
    for (var dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (looksLikeRoot(dir)) {
        return Optional.of(new RepositoryRoot(dir));
      }
    }
    return Optional.empty();
  }

  public Path resolve(String relative) {
    return path.resolve(relative);
  }

  private static boolean looksLikeRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("mvnw"))
        && (Files.isRegularFile(dir.resolve("template.yaml")) || Files.isRegularFile(dir.resolve("pom.xml")));
  }

  private static Optional<Path> codeLocation() {
    try {
      var source = RepositoryRoot.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
