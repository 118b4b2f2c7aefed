package dev.hndeepest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final StringWriter text = new StringWriter();
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicLong items = new AtomicLong();

  private ProgressBar bar() {
    return new ProgressBar(new PrintWriter(text), items::get, "finding the window", "posts", nanos::get, false);
  }

  private String lastLine() {
    var all = text.toString();
    return all.substring(all.lastIndexOf('\r') + 1);
  }

  @Test
  void draw_shouldNameTheSearchWithItemsAndTime_beforeAnyPostIsKnown() {
    var bar = bar();
    items.set(1_234);
    nanos.set(1_500_000_000L);

    bar.draw();

    assertThat(lastLine()).contains("finding the window").contains("1,234 items read").contains("1.5 s")
        .doesNotContain("posts");
  }

  @Test
  void measured_shouldShowTheMeasuringPhaseWithCounts_whenPostsAreKnown() {
    var bar = bar();
    bar.discovered(40);
    assertThat(lastLine()).contains("0/40 posts").contains("measuring threads");

    items.set(9_000);
    bar.measured(10, 40);

    assertThat(lastLine()).contains("[#######.......................]").contains("10/40 posts")
        .contains("9,000 items read");
  }

  @Test
  void close_shouldBlankTheLine_whenSomethingWasDrawn() {
    var bar = bar();
    bar.draw();
    int drawn = lastLine().length();

    bar.close();

    assertThat(text.toString()).endsWith(" ".repeat(drawn) + "\r");
  }

  @Test
  void forStderr_shouldDrawNothing_whenQuietOrNotATerminal() {
    System.setProperty("hn.stderr.tty", "true");
    try (var quiet = ProgressBar.forStderr(new PrintWriter(text), true, items::get, "finding the window", "posts")) {
      quiet.discovered(3);
      quiet.draw();
    } finally {
      System.clearProperty("hn.stderr.tty");
    }
    try (var notTty = ProgressBar.forStderr(new PrintWriter(text), false, items::get, "finding the window", "posts")) {
      notTty.discovered(3);
    }

    assertThat(text.toString()).isEmpty();
  }
}
