package dev.hndeepest.replica;

/** What a request asked the replica for, as counted in {@link ReplicaStats}. */
public enum EndpointKind {
  ITEM,
  MAX_ITEM,
  NEW_STORIES,
  TOP_STORIES,
  UPDATES,
  /** An unknown path, a malformed item id or a method other than GET. */
  INVALID
}
