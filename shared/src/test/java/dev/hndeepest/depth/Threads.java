package dev.hndeepest.depth;

import java.util.List;

/** Measured threads for tests: built from a path of ids, or reduced to their depth, count and path. */
public final class Threads {
  private Threads() {}

  /** A thread whose chain is {@code path}, each comment by "u" at time 0 with the text "c{id}". */
  public static ThreadDepth of(int depth, int comments, List<Long> path) {
    return new ThreadDepth(depth, comments,
        path.stream().map(id -> new ThreadComment(id, "u", 0, "c" + id, false, false)).toList());
  }

  /** Depth, comments and path, for comparing what a computation found with what a test expects. */
  public static String shape(ThreadDepth thread) {
    return shape(thread.depth(), thread.comments(), thread.deepestPath());
  }

  public static String shape(int depth, int comments, List<Long> path) {
    return "depth " + depth + ", " + comments + " comments, path " + path;
  }
}
