package dev.hndeepest.discovery;

/** Where a window's posts are, as {@link PostDiscovery#locate} found out before reading them all. */
public sealed interface WindowLocation {

  /** {@code /newstories} covered the window: its posts are already found. */
  record Listed(DiscoveredPosts discovered) implements WindowLocation {}

  /**
   * The window's posts are among the ids {@code [firstId, endExclusive)}, still to be scanned.
   *
   * @param searchRounds round-trips spent searching ids by time (both ends together, though they overlap)
   * @param searchProbes ids probed by those searches
   * @param listedFetched items read from {@code /newstories} before it proved too short (0 if not read)
   */
  record IdRange(long firstId, long endExclusive, int searchRounds, long searchProbes, long listedFetched)
      implements WindowLocation {

    /** Ids to scan; 0 for an empty range. */
    public long ids() {
      return Math.max(0, endExclusive - firstId);
    }
  }
}
