package dev.hndeepest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  private final Environment env = Environment.of(Map.of("BLANK", "  ", "COUNT", "12", "ZERO", "0", "WORD", "many",
      "URL", "https://example.com/v0/", "NOT_URL", "example"));

  @Test
  void required_shouldNameTheVariable_whenAbsentOrBlank() {
    assertThatThrownBy(() -> env.requiredText("ABSENT")).isInstanceOf(MissingVariableException.class)
        .hasMessage("ABSENT is not set");
    assertThatThrownBy(() -> env.requiredText("BLANK")).hasMessage("BLANK is not set");
  }

  @Test
  void positiveInt_shouldRefuseRatherThanDefault_whenTheValueIsMalformed() {
    assertThat(env.requiredPositiveInt("COUNT")).isEqualTo(12);
    assertThatThrownBy(() -> env.positiveInt("ZERO")).hasMessage("ZERO must be a positive integer, got 0");
    assertThatThrownBy(() -> env.positiveInt("WORD")).hasMessage("WORD must be a positive integer, got many");
  }

  @Test
  void uri_shouldDropATrailingSlashAndRefuseWhatIsNoUrl() {
    assertThat(env.requiredUri("URL")).isEqualTo(URI.create("https://example.com/v0"));
    assertThatThrownBy(() -> env.uri("NOT_URL")).hasMessageContaining("NOT_URL is not a URL");
  }
}
