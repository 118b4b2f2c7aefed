package dev.hndeepest.replica;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the replica has seen since it started or since its last reset, counted on the server side so
 * that tests and benchmarks need not trust the client's own counts.
 *
 * @param requests every request received, faulted or not
 * @param byEndpoint requests per endpoint kind (every kind present, zero included)
 * @param byFault injected faults per kind (every kind present, zero included)
 * @param distinctItemIds distinct ids asked for on {@code /item/{id}.json}
 * @param repeatedItemAnswers full item answers for an id that had already been answered in full
 * @param maxInFlight the most requests being handled at the same time
 */
public record ReplicaStats(
    long requests,
    Map<EndpointKind, Long> byEndpoint,
    Map<FaultKind, Long> byFault,
    long distinctItemIds,
    long repeatedItemAnswers,
    int maxInFlight) {

  public ReplicaStats {
    byEndpoint = Collections.unmodifiableMap(copy(EndpointKind.class, byEndpoint));
    byFault = Collections.unmodifiableMap(copy(FaultKind.class, byFault));
  }

  private static <K extends Enum<K>> EnumMap<K, Long> copy(Class<K> type, Map<K, Long> counts) {
    var copy = new EnumMap<K, Long>(type);
    copy.putAll(counts);
    return copy;
  }

  public long requests(EndpointKind kind) {
    return byEndpoint.getOrDefault(kind, 0L);
  }

  public long faults(FaultKind kind) {
    return byFault.getOrDefault(kind, 0L);
  }

  /** Requests that got any fault. */
  public long faults() {
    return byFault.values().stream().mapToLong(Long::longValue).sum();
  }

  public long itemRequests() {
    return requests(EndpointKind.ITEM);
  }
}
