package dev.hndeepest.answer;

import dev.hndeepest.discovery.DiscoveryReport;

/** Hears how far a {@link DeepestThreadFinder} has come; always called from the finder's thread. */
public interface ProgressListener {

  /** Listens to nothing. */
  ProgressListener NONE = new ProgressListener() {
    @Override
    public void discovered(int posts) {}

    @Override
    public void measured(int done, int total) {}
  };

  /** The window's posts are known: {@code posts} threads are to be measured. */
  void discovered(int posts);

  /** {@code done} of {@code total} threads are measured. */
  void measured(int done, int total);

  /** How the posts were found, for those who report costs; called just before {@link #discovered}. */
  default void discoveredBy(DiscoveryReport report) {}
}
