package dev.hndeepest.benchmark;

/** The three ways the benchmark answers each window. */
enum Approach {
  /** The original approach: serial, recursive, no cache ({@link SerialBaseline}). */
  BASELINE("baseline (serial)"),
  /** The in-process engine behind {@code hn-deepest --hours H}. */
  COMMAND("command"),
  /** The local job stack: moto, the real handlers, queue workers. */
  JOB_STACK("job stack");

  private final String label;

  Approach(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
