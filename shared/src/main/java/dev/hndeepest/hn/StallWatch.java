package dev.hndeepest.hn;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The progress of one client's requests taken together: when any of them last succeeded. Each
 * request consults it before every attempt and after every failure, so a failing request keeps
 * being retried while others succeed, and all give up together once none has succeeded for the
 * stall timeout (counted from the client's start until the first success). Giving up is final:
 * the run is over, so later requests fail at once instead of starting another wait.
 */
final class StallWatch {
  private final Duration stallTimeout;
  private final AtomicLong lastSuccessNanos;
  private final AtomicReference<String> gaveUp = new AtomicReference<>();

  StallWatch(Duration stallTimeout) {
    this.stallTimeout = stallTimeout;
    this.lastSuccessNanos = new AtomicLong(System.nanoTime());
  }

  void succeeded() {
    long now = System.nanoTime();
    lastSuccessNanos.accumulateAndGet(now, (last, next) -> next - last > 0 ? next : last);
  }

  /** How long until the run gives up unless some request succeeds first; zero or negative once due. */
  long nanosLeft() {
    return lastSuccessNanos.get() + stallTimeout.toNanos() - System.nanoTime();
  }

  /** Fails at once if the run has given up. */
  void requireRunning() {
    String reason = gaveUp.get();
    if (reason != null) {
      throw new HnUnavailableException(reason);
    }
  }

  /**
   * Gives up the whole run when nothing has succeeded for the stall timeout; the first request to
   * see it names its own last failure, later ones repeat that reason.
   *
   * @throws HnUnavailableException when the run has given up
   */
  void giveUpIfStalled(URI url, String lastFailure) {
    requireRunning();
    if (nanosLeft() <= 0) {
      gaveUp.compareAndSet(null, "no HN request has succeeded for " + describe(stallTimeout)
          + "; last failure: " + url + ": " + lastFailure);
      requireRunning();
    }
  }

  private static String describe(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
