package dev.hndeepest.cli;

import dev.hndeepest.answer.ProgressListener;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * One line of progress on stderr, redrawn in place from the first second: the phase (finding the
 * window, then measuring threads), counts and the time elapsed. Shown only when stderr is a
 * terminal (the launcher script says so in {@code hn.stderr.tty}) and not {@code --quiet}.
 */
final class ProgressBar implements ProgressListener, AutoCloseable {
  private static final int WIDTH = 30;
  private static final long TICK_MILLIS = 200;

  private final PrintWriter err;
  private final LongSupplier itemsRead;
  private final String unit;
  private final LongSupplier nanoTime;
  private final long started;
  private final Thread ticker;
  private String phase;
  private int done;
  private int total = -1;
  private int drawnWidth;

  /**
   * @param itemsRead how many HN items are read so far; null when this process reads none itself
   * @param firstPhase what happens before the first count arrives
   * @param unit what the counts count ("posts", "batches")
   */
  ProgressBar(PrintWriter err, LongSupplier itemsRead, String firstPhase, String unit, LongSupplier nanoTime,
      boolean tick) {
    this.err = err;
    this.itemsRead = itemsRead;
    this.unit = unit;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
    this.phase = firstPhase;
    this.ticker = err != null && tick ? Thread.ofPlatform().daemon().name("progress").start(this::tickUntilClosed) : null;
  }

  /** A bar on {@code err} when it is a terminal and not {@code quiet}; else one that draws nothing. */
  static ProgressBar forStderr(PrintWriter err, boolean quiet, LongSupplier itemsRead, String firstPhase,
      String unit) {
    boolean shown = !quiet && Boolean.getBoolean("hn.stderr.tty");
    return new ProgressBar(shown ? err : null, itemsRead, firstPhase, unit, System::nanoTime, true);
  }

  @Override
  public synchronized void discovered(int posts) {
    phase = "measuring threads";
    done = 0;
    total = posts;
    draw();
  }

  @Override
  public synchronized void measured(int done, int total) {
    this.phase = "measuring threads";
    this.done = done;
    this.total = total;
    draw();
  }

  /** Redraws the line as it stands now. */
  synchronized void draw() {
    if (err == null) {
      return;
    }
    var line = new StringBuilder("\r");
    if (total >= 0) {
      int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
      line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
          .append("%,d/%,d %s · ".formatted(done, total, unit));
    }
    line.append(phase);
    if (itemsRead != null) {
      line.append(" · %,d items read".formatted(itemsRead.getAsLong()));
    }
    line.append(" · %.1f s ".formatted((nanoTime.getAsLong() - started) / 1e9));
    // Blank out what a longer earlier line left behind.
    int width = line.length();
    line.append(" ".repeat(Math.max(0, drawnWidth - width)));
    drawnWidth = width;
    err.print(line);
    err.flush();
  }

  private void tickUntilClosed() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        draw();
        Thread.sleep(TICK_MILLIS);
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.interrupt();
      try {
        ticker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (err != null && drawnWidth > 0) {
        err.print("\r" + " ".repeat(drawnWidth) + "\r");
        err.flush();
        drawnWidth = 0;
      }
    }
  }
}
