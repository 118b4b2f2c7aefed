package dev.hndeepest.discovery;

/**
 * How {@link PostDiscovery} found a window's posts and what it cost, for progress and benchmarks.
 *
 * @param route which way the posts were found
 * @param searchRounds round-trips spent searching ids by time (0 on the new-stories route)
 * @param searchProbes ids probed by those searches
 * @param idsScanned ids fetched to collect posts: the new-stories list and/or the scanned id range
 * @param firstIdScanned first id of the scanned range (0 when no range was scanned)
 * @param lastIdScanned last id of the scanned range (0 when no range was scanned)
 * @param posts posts found in the window
 */
public record DiscoveryReport(
    Route route,
    int searchRounds,
    long searchProbes,
    long idsScanned,
    long firstIdScanned,
    long lastIdScanned,
    int posts) {

  /** The two ways to find a window's posts. */
  public enum Route {
    /** The window lies inside {@code /newstories}, which provably holds all its posts. */
    NEW_STORIES,
    /** Every id in the window's id range was read. */
    ID_SCAN
  }
}
