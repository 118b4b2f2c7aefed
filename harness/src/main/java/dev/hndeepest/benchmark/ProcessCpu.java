package dev.hndeepest.benchmark;

import java.lang.management.ManagementFactory;

/** User + system CPU time of this JVM, from the operating system. */
final class ProcessCpu {
  private ProcessCpu() {}

  static long nanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    throw new IllegalStateException("this JVM does not report its process CPU time");
  }
}
