package dev.hndeepest.cli;

import dev.hndeepest.discovery.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What {@code --demo} says on stderr: that its data is synthetic, which hours it covers, and when a window reaches outside them. */
final class DemoNotice {
  private DemoNotice() {}

  /** That the data is synthetic, and its hours. */
  static String synthetic(HnSource.Coverage coverage) {
    long hours = Math.round(Duration.between(coverage.from(), coverage.to()).toMinutes() / 60.0);
    return "hn-deepest: --demo: synthetic data, not Hacker News: the bundled snapshot covers %s .. %s (%d h, UTC)"
        .formatted(coverage.from(), coverage.to(), hours);
  }

  /** The lines for {@code window} asked of a snapshot covering {@code coverage}. */
  static List<String> lines(HnSource.Coverage coverage, TimeWindow window) {
    var lines = new ArrayList<String>();
    lines.add(synthetic(coverage));
    long from = window.from();
    long to = window.to();
    long coveredFrom = Math.max(from, coverage.from().getEpochSecond());
    long coveredTo = Math.min(to, coverage.to().getEpochSecond());
    if (coveredTo <= coveredFrom) {
      lines.add("hn-deepest: warning: the window %s .. %s lies outside the snapshot: it holds no post"
          .formatted(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to)));
    } else if (from < coverage.from().getEpochSecond() || to > coverage.to().getEpochSecond()) {
      lines.add(("hn-deepest: warning: the %d h window %s .. %s reaches outside the snapshot: only %.1f h of it "
          + "hold data").formatted(window.hours(), Instant.ofEpochSecond(from), Instant.ofEpochSecond(to),
          (coveredTo - coveredFrom) / 3_600.0));
    }
    return lines;
  }
}
