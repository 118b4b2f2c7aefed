package dev.hndeepest.cli;

import dev.hndeepest.answer.ProgressListener;
import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn in place. Shown only when stderr is a terminal (the
 * launcher script says so in {@code hn.stderr.tty}) and not {@code --quiet}.
 */
final class ProgressBar implements ProgressListener, AutoCloseable {
  private static final int WIDTH = 30;
  private static final long MIN_REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final long started = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  private ProgressBar(PrintWriter err) {
    this.err = err;
  }

  static ProgressBar forStderr(PrintWriter err, boolean quiet) {
    return quiet || !Boolean.getBoolean("hn.stderr.tty") ? new ProgressBar(null) : new ProgressBar(err);
  }

  @Override
  public synchronized void discovered(int posts) {
    draw("found " + posts + " posts", 0, Math.max(posts, 1), true);
  }

  @Override
  public synchronized void measured(int done, int total) {
    draw("measuring threads", done, Math.max(total, 1), done == total);
  }

  private void draw(String phase, int done, int total, boolean force) {
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    if (!force && now - lastDraw < MIN_REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    int filled = (int) ((long) WIDTH * done / total);
    err.printf("\r[%s%s] %d/%d %s %.1fs ", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, phase,
        (now - started) / 1e9);
    err.flush();
    drawn = true;
  }

  @Override
  public synchronized void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      err.flush();
    }
  }
}
