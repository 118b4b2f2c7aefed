package dev.hndeepest.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live heap of this JVM during a run: a background thread forces a full GC every {@link #EVERY}
 * and keeps the most heap still used right after one, above the idle level measured the same way
 * before the run. The pauses slow the run down, so it measures a separate, untimed pass.
 */
final class LiveHeapProbe implements AutoCloseable {
  static final Duration EVERY = Duration.ofSeconds(1);

  private final long idleBytes;
  private final AtomicLong peakBytes = new AtomicLong();
  private final Thread prober;
  private volatile boolean running = true;

  private LiveHeapProbe() {
    this.idleBytes = liveNow();
    this.prober = Thread.ofPlatform().daemon().name("live-heap-probe").start(() -> {
      while (running) {
        try {
          Thread.sleep(EVERY);
        } catch (InterruptedException e) {
          return;
        }
        peakBytes.accumulateAndGet(liveNow(), Math::max);
      }
    });
  }

  static LiveHeapProbe start() {
    return new LiveHeapProbe();
  }

  /** Stops probing; the most live heap seen above the idle heap, in bytes. */
  long stop() {
    close();
    return Math.max(0, peakBytes.get() - idleBytes);
  }

  @Override
  public void close() {
    running = false;
    prober.interrupt();
    try {
      prober.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long liveNow() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
