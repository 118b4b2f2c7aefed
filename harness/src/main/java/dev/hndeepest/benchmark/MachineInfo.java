package dev.hndeepest.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a benchmark ran on, as BENCHMARKS.md states it. */
record MachineInfo(int cores, long memoryBytes, String cpuModel, String jdk, String os) {

  static MachineInfo current() {
    long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize()
        : -1;
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        memory,
        readCpuModel(),
        System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }

  /** The first "model name" of /proc/cpuinfo; "unknown" where there is none (not Linux). */
  private static String readCpuModel() {
    var cpuinfo = Path.of("/proc/cpuinfo");
    try {
      if (Files.isReadable(cpuinfo)) {
        return Files.readAllLines(cpuinfo).stream()
            .filter(line -> line.startsWith("model name"))
            .map(line -> line.substring(line.indexOf(':') + 1).strip())
            .findFirst()
            .orElse("unknown");
      }
    } catch (IOException e) {
      return "unknown";
    }
    return "unknown";
  }
}
