package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTest {
  @TempDir
  Path temp;

  @Test
  void searchUpFrom_shouldFindCheckout_whenStartingInAModule() throws IOException {
    // GIVEN a checkout with mvnw + pom.xml and a module below it that has its own pom.xml
    Files.createFile(temp.resolve("mvnw"));
    Files.createFile(temp.resolve("pom.xml"));
    var module = Files.createDirectories(temp.resolve("harness/src"));
    Files.createFile(temp.resolve("harness/pom.xml"));

    // WHEN
    var root = RepositoryRoot.searchUpFrom(module);

    // THEN
    assertThat(root).contains(new RepositoryRoot(temp));
  }

  @Test
  void searchUpFrom_shouldFindNothing_whenNoAncestorHasMvnw() throws IOException {
    // GIVEN a directory tree with a pom.xml but no wrapper
    Files.createFile(temp.resolve("pom.xml"));

    // WHEN / THEN
    assertThat(RepositoryRoot.searchUpFrom(temp).filter(root -> root.path().startsWith(temp))).isEmpty();
  }

  @Test
  void explicit_shouldRefuse_whenDirectoryIsNotTheCheckout() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> RepositoryRoot.explicit(temp))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(temp.toString());
  }
}
