package dev.hndeepest.concurrent;

import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * The threads that block on HN requests: a few dozen lanes, each taking the next request from a
 * shared queue. Platform threads by default: a socket read that blocks in the kernel costs less CPU
 * than a virtual thread's park, poller registration and unpark, and the JVM exits right after the
 * answer, not about 0.3 s later (BENCHMARKS.md measures both). Many short tasks stay on virtual
 * threads ({@link FanOut#map}).
 */
public enum IoThreads {
  PLATFORM("platform"),
  VIRTUAL("virtual");

  /** The system property that picks the kind; the benchmark measures the other one through it. */
  public static final String PROPERTY = "hn.ioThreads";

  private final String label;

  IoThreads(String label) {
    this.label = label;
  }

  /** The kind named by {@value #PROPERTY}, else {@link #PLATFORM}. */
  public static IoThreads configured() {
    String name = System.getProperty(PROPERTY);
    if (name == null || name.isBlank()) {
      return PLATFORM;
    }
    for (var kind : values()) {
      if (kind.label.equals(name.strip().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException("-D" + PROPERTY + " must be platform or virtual, was " + name);
  }

  /** Threads named {@code prefix0}, {@code prefix1}, ...; platform ones are daemons, so a stuck request never holds the JVM. */
  public ThreadFactory factory(String prefix) {
    return switch (this) {
      case PLATFORM -> Thread.ofPlatform().daemon().name(prefix, 0).factory();
      case VIRTUAL -> Thread.ofVirtual().name(prefix, 0).factory();
    };
  }
}
