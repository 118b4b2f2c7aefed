package dev.hndeepest.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InlineBlocksTest {
  @Test
  void contentSecurityPolicy_shouldHashEachBlock_whenPageHasSeveral() {
    var policy = InlineBlocks.contentSecurityPolicy("<style>a{}</style><script>1</script><script>2</script>");

    // sha256 of "1" and "2", base64
    assertThat(policy).contains("script-src 'sha256-a4ayc/80/OGda4BO/1o/V0etpOqiLx1JwB5S3beHW0s=' "
        + "'sha256-1HNeOiZeFu7gP1lxi5tdAwGcB9i2xR+Q2jpmbuwTqzU=';");
    assertThat(policy).containsPattern("style-src 'sha256-[A-Za-z0-9+/=]+';");
  }

  @Test
  void contentSecurityPolicy_shouldAllowNoScript_whenPageHasNone() {
    assertThat(InlineBlocks.contentSecurityPolicy("<p>plain</p>")).contains("script-src 'none'", "style-src 'none'");
  }
}
