package dev.hndeepest.benchmark;

/** The three ways the benchmark answers each window. */
enum Approach {
  /** The original approach: serial, recursive, no cache ({@link SerialBaseline}). */
  BASELINE("baseline (serial)"),
  /** {@code ./hn-deepest --hours H} as a user runs it: a fresh JVM through the launcher; CPU of the whole process. */
  COMMAND_COLD("command (cold process)"),
  /** The engine behind the command in the benchmark's warm JVM; CPU of the JVM less the replica's threads. */
  COMMAND("command (warm, in-process)"),
  /** The Go peer under benchmark/peer-go as a child process; CPU of the whole process. */
  GO_PEER("Go peer"),
  /** The local job stack: moto, the real handlers, queue workers; CPU of the JVM less the replica's threads. */
  JOB_STACK("job stack");

  private final String label;

  Approach(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
