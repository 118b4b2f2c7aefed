package dev.hndeepest.replica;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The platform threads of one replica, so their CPU time can be read apart from the rest of the JVM. */
final class ReplicaThreads {
  private static final Object STARTING = new Object();
  private final Set<Long> ids = ConcurrentHashMap.newKeySet();

  ThreadFactory factory(String prefix) {
    var count = new AtomicInteger();
    return task -> {
      var thread = Thread.ofPlatform().name(prefix + count.incrementAndGet()).daemon(true).unstarted(task);
      ids.add(thread.threadId());
      return thread;
    };
  }

  /**
   * Runs {@code start} (the HTTP server's start, which starts its dispatcher thread) and adds the
   * threads it started to the counted ones; replicas start one at a time so they don't mix.
   */
  void startCounting(Runnable start) {
    synchronized (STARTING) {
      var before = liveThreadIds();
      start.run();
      var after = liveThreadIds();
      after.removeAll(before);
      ids.addAll(after);
    }
  }

  long cpuNanos() {
    var bean = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long id : ids) {
      long nanos = bean.getThreadCpuTime(id);
      if (nanos > 0) {
        total += nanos;
      }
    }
    return total;
  }

  private static Set<Long> liveThreadIds() {
    var live = new HashSet<Long>();
    for (var thread : Thread.getAllStackTraces().keySet()) {
      live.add(thread.threadId());
    }
    return live;
  }
}
