package dev.hndeepest.hn;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The progress of one client's requests taken together: when any of them last succeeded. Each
 * request consults it before every attempt and after every failure, so a failing request keeps
 * being retried while others succeed, and all give up together once none has succeeded for the
 * stall timeout. Time with no request under way is no evidence against the API, so the clock
 * counts from the last success or from the moment requests got under way again, whichever is
 * later. Giving up is final: the run is over, so later requests fail at once instead of starting
 * another wait.
 */
final class StallWatch {
  private final Duration stallTimeout;
  /** The last success, or the start of the current stretch of requests under way if later. */
  private final AtomicLong sinceNanos = new AtomicLong(System.nanoTime());
  private final AtomicInteger underWay = new AtomicInteger();
  private final AtomicReference<String> gaveUp = new AtomicReference<>();

  StallWatch(Duration stallTimeout) {
    this.stallTimeout = stallTimeout;
  }

  /** A request gets under way; the first after a quiet spell starts the clock afresh. */
  void started() {
    if (underWay.getAndIncrement() == 0) {
      moveTo(System.nanoTime());
    }
  }

  /** A request ended, answered or not. */
  void ended() {
    underWay.decrementAndGet();
  }

  void succeeded() {
    moveTo(System.nanoTime());
  }

  private void moveTo(long now) {
    sinceNanos.accumulateAndGet(now, (since, next) -> next - since > 0 ? next : since);
  }

  /** How long until the run gives up unless some request succeeds first; zero or negative once due. */
  long nanosLeft() {
    return sinceNanos.get() + stallTimeout.toNanos() - System.nanoTime();
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
