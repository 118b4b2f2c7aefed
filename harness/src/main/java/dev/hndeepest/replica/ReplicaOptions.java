package dev.hndeepest.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the replica serves its items.
 *
 * @param latency the delay before every answer: fixed or lognormal
 * @param faults the injected faults
 * @param servedAsOf when present, the replica answers as the live API did at that instant
 */
public record ReplicaOptions(Latency latency, FaultPlan faults, Optional<Instant> servedAsOf) {

  public ReplicaOptions {
    if (latency == null) {
      throw new IllegalArgumentException("latency must not be null; use Latency.fixed(Duration.ZERO)");
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
    return new ReplicaOptions(Latency.fixed(Duration.ZERO), FaultPlan.none(), Optional.empty());
  }

  /** A fixed delay before every answer. */
  public ReplicaOptions withLatency(Duration newLatency) {
    return withLatency(Latency.fixed(newLatency));
  }

  public ReplicaOptions withLatency(Latency newLatency) {
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
