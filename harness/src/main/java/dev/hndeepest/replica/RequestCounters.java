package dev.hndeepest.replica;

import java.util.EnumMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The replica's mutable, thread-safe counters behind {@link ReplicaStats}. */
final class RequestCounters {

  private final LongAdder requests = new LongAdder();
  private final EnumMap<EndpointKind, LongAdder> byEndpoint = adders(EndpointKind.class);
  private final EnumMap<FaultKind, LongAdder> byFault = adders(FaultKind.class);
  private final Set<Long> itemIdsRequested = ConcurrentHashMap.newKeySet();
  private final Set<Long> itemIdsAnswered = ConcurrentHashMap.newKeySet();
  private final LongAdder repeatedItemAnswers = new LongAdder();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  void request(EndpointKind kind, int inFlight) {
    requests.increment();
    byEndpoint.get(kind).increment();
    maxInFlight.accumulateAndGet(inFlight, Math::max);
  }

  void itemRequested(long id) {
    itemIdsRequested.add(id);
  }

  void itemAnswered(long id) {
    if (!itemIdsAnswered.add(id)) {
      repeatedItemAnswers.increment();
    }
  }

  void fault(FaultKind kind) {
    byFault.get(kind).increment();
  }

  ReplicaStats snapshot() {
    var endpoints = new EnumMap<EndpointKind, Long>(EndpointKind.class);
    byEndpoint.forEach((kind, count) -> endpoints.put(kind, count.sum()));
    var faults = new EnumMap<FaultKind, Long>(FaultKind.class);
    byFault.forEach((kind, count) -> faults.put(kind, count.sum()));
    return new ReplicaStats(
        requests.sum(),
        endpoints,
        faults,
        itemIdsRequested.size(),
        repeatedItemAnswers.sum(),
        maxInFlight.get());
  }

  private static <K extends Enum<K>> EnumMap<K, LongAdder> adders(Class<K> type) {
    var map = new EnumMap<K, LongAdder>(type);
    for (K key : type.getEnumConstants()) {
      map.put(key, new LongAdder());
    }
    return map;
  }
}
