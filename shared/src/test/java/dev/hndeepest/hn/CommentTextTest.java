package dev.hndeepest.hn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentTextTest {

  @Test
  void excerpt_shouldDecodeEntitiesAndSeparateParagraphs_whenHnHtmlIsGiven() {
    var html = "I don&#x27;t think &quot;a &lt; b&quot; &amp; so on.<p>Second <i>paragraph</i> here.<p>Third.";

    assertThat(CommentText.excerpt(html))
        .isEqualTo("I don't think \"a < b\" & so on.\n\nSecond paragraph here.\n\nThird.");
  }

  @Test
  void excerpt_shouldUseTheFullAddress_whenHnShortenedTheLinkText() {
    var html = "See <a href=\"https:&#x2F;&#x2F;example.com&#x2F;a&#x2F;very&#x2F;long&#x2F;path&#x2F;page.html\" "
        + "rel=\"nofollow\">https:&#x2F;&#x2F;example.com&#x2F;a&#x2F;very&#x2F;long&#x2F;...</a> and "
        + "<a href=\"https://x.org\">this one</a>.";

    assertThat(CommentText.excerpt(html))
        .isEqualTo("See https://example.com/a/very/long/path/page.html and this one.");
  }

  @Test
  void excerpt_shouldKeepCodeLines_whenCommentHoldsPre() {
    var html = "Try:<p><pre><code>  int x = 1;\n  x++;\n</code></pre>Then run it.";

    assertThat(CommentText.excerpt(html)).isEqualTo("Try:\n\n  int x = 1;\n  x++;\n\nThen run it.");
  }

  @Test
  void excerpt_shouldCutOnAWordBoundaryWithAnEllipsis_whenLongerThan280() {
    var word = "word ";
    var html = word.repeat(100);

    var excerpt = CommentText.excerpt(html);

    assertThat(excerpt).hasSizeLessThanOrEqualTo(CommentText.MAX_CHARS).endsWith("word…");
    assertThat(excerpt.substring(0, excerpt.length() - 1)).doesNotEndWith(" ").endsWith("word");
    assertThat(excerpt.length()).isGreaterThan(CommentText.MAX_CHARS - 6);
  }

  @Test
  void excerpt_shouldBeTheSame_whenOnlyTheRawPrefixIsParsed() {
    var html = ("A sentence with an entity &amp; a <i>tag</i>.<p>").repeat(200);

    assertThat(CommentText.excerpt(html)).isEqualTo(CommentText.cut(CommentText.plainText(html), 280));
  }

  @Test
  void bounded_shouldKeepTheHtml_whenAtMost2Kb() {
    var html = "Short &amp; <i>sweet</i>.<p>" + "x".repeat(2_000);

    assertThat(CommentText.bounded(html)).isSameAs(html);
    assertThat(CommentText.bounded(null)).isNull();
  }

  @Test
  void bounded_shouldKeepTheRawPrefix_whenItHoldsTheExcerpt() {
    var html = ("A sentence with an entity &amp; a <i>tag</i>.<p>").repeat(200);

    var kept = CommentText.bounded(html);

    assertThat(kept).isEqualTo(html.substring(0, 2_048));
    assertThat(CommentText.excerpt(kept)).isEqualTo(CommentText.excerpt(html));
  }

  @Test
  void bounded_shouldKeepEverything_whenThePrefixHoldsTooLittleText() {
    // GIVEN 2 KB of markup (a link's long address) before most of the text
    var html = "<a href=\"https://example.com/" + "p/".repeat(1_200) + "\">link</a> " + "then the words ".repeat(40);

    var kept = CommentText.bounded(html);

    // THEN nothing is cut: the excerpt needs text beyond the first 2 KB
    assertThat(kept).isSameAs(html);
    assertThat(CommentText.excerpt(kept)).contains("then the words");
  }

  @Test
  void excerpt_shouldBeNull_whenThereIsNoText() {
    assertThat(CommentText.excerpt(null)).isNull();
    assertThat(CommentText.excerpt("  ")).isNull();
    assertThat(CommentText.excerpt("<p>")).isNull();
  }

  @Test
  void cut_shouldCutInsideTheWord_whenOneWordIsLongerThanTheLimit() {
    assertThat(CommentText.cut("x".repeat(50), 10)).isEqualTo("xxxxxxxxx…");
    assertThat(CommentText.cut("short", 10)).isEqualTo("short");
  }
}
