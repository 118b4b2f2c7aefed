package dev.hndeepest.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM during one run, measured two ways from a full GC's idle level:
 * <ul>
 *   <li>used: {@code MemoryMXBean} heap used, sampled every {@link #EVERY} on a background thread
 *       (includes garbage not yet collected, so it depends on the collector's pacing);
 *   <li>live: heap used right after each GC during the run, from the collectors' notifications
 *       (what survived; empty when no GC ran during the run).
 * </ul>
 * Both are reported above the idle heap measured after a {@link System#gc()} just before the run.
 */
final class HeapSampler implements AutoCloseable {
  static final Duration EVERY = Duration.ofMillis(10);

  /** The peaks of one run above its idle heap; {@code liveBytes} is -1 when no GC ran. */
  record HeapPeak(long idleBytes, long usedBytes, long liveBytes) {}

  private final long idleBytes;
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong(-1);
  private final Set<String> heapPools;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener onGc = this::afterGc;
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapSampler() {
    System.gc();
    var memory = ManagementFactory.getMemoryMXBean();
    this.idleBytes = memory.getHeapMemoryUsage().getUsed();
    this.peakUsed.set(idleBytes);
    this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getName)
        .collect(Collectors.toUnmodifiableSet());
    for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(onGc, null, null);
        emitters.add(emitter);
      }
    }
    this.sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
      while (running) {
        peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(EVERY);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  /** Collects garbage, notes the idle heap, then samples until {@link #stop()}. */
  static HeapSampler start() {
    return new HeapSampler();
  }

  /** Stops sampling; the peaks above the idle heap. */
  HeapPeak stop() {
    close();
    long live = peakLive.get();
    return new HeapPeak(idleBytes, Math.max(0, peakUsed.get() - idleBytes), live < 0 ? -1 : Math.max(0, live - idleBytes));
  }

  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (var emitter : emitters) {
      try {
        emitter.removeNotificationListener(onGc);
      } catch (ListenerNotFoundException e) {
        // Already gone: nothing to undo.
      }
    }
  }

  private void afterGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
        .filter(pool -> heapPools.contains(pool.getKey()))
        .mapToLong(pool -> pool.getValue().getUsed())
        .sum();
    peakLive.accumulateAndGet(after, Math::max);
  }
}
