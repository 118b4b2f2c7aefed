package dev.hndeepest.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the replica serves its items.
 *
 * @param latency added to every request before it is answered
 * @param faults the injected faults
 * @param servedAsOf when present, the replica answers as the live API did at that instant
 */
public record ReplicaOptions(Duration latency, FaultPlan faults, Optional<Instant> servedAsOf) {

  public ReplicaOptions {
    if (latency == null || latency.isNegative()) {
      throw new IllegalArgumentException("latency must be zero or positive: " + latency);
    }
    if (faults == null) {
      throw new IllegalArgumentException("faults must not be null; use FaultPlan.none()");
    }
    if (servedAsOf == null) {
      throw new IllegalArgumentException("servedAsOf must not be null; use Optional.empty()");
    }
  }

  /** No latency, no faults, every item served. */
  public static ReplicaOptions defaults() {
    return new ReplicaOptions(Duration.ZERO, FaultPlan.none(), Optional.empty());
  }

  public ReplicaOptions withLatency(Duration newLatency) {
    return new ReplicaOptions(newLatency, faults, servedAsOf);
  }

  public ReplicaOptions withFaults(FaultPlan newFaults) {
    return new ReplicaOptions(latency, newFaults, servedAsOf);
  }

  /** Answers as of that instant; {@code null} serves everything. */
  public ReplicaOptions withServedAsOf(Instant asOf) {
    return new ReplicaOptions(latency, faults, Optional.ofNullable(asOf));
  }
}
