package dev.hndeepest.benchmark;

import java.lang.management.ManagementFactory;

/** The machine's one-minute load average: other work competing for the cores during a run. */
final class MachineLoad {
  private MachineLoad() {}

  /** The one-minute load average, or -1 where the platform does not tell. */
  static double now() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
