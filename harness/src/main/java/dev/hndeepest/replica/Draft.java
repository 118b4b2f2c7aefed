package dev.hndeepest.replica;

import java.util.ArrayList;
import java.util.List;

/** An item while the generator builds it: mutable, identified by its id slot. */
final class Draft {

  /** What kind of item a draft becomes. */
  enum Kind {
    LINK_STORY("story"),
    ASK_STORY("story"),
    POLL("poll"),
    POLL_OPTION("pollopt"),
    JOB("job"),
    COMMENT("comment");

    final String apiType;

    Kind(String apiType) {
      this.apiType = apiType;
    }

    boolean isPost() {
      return this == LINK_STORY || this == ASK_STORY || this == POLL;
    }
  }

  final long slot;
  final Kind kind;
  final double trueTime;
  final Draft parent;
  final Draft post;
  final int depth;
  final int author;
  final List<Draft> children = new ArrayList<>(0);

  boolean dead;
  boolean deleted;

  /** Gone from the API altogether: its id answers null. */
  boolean purged;

  /** How much readers like it; orders siblings in {@code kids}. */
  double quality;

  /** Seconds, as the API reports it: jittered, never before the parent. */
  long recordedTime;

  /** Visible comments below it (through purged ones too); a post's {@code descendants}. */
  int visibleDescendants;

  // Post-only state: how its thread grows.
  double attractiveness;
  double argumentativeness;
  int chainLimit;
  Draft hotLeaf;
  List<Draft> thread;
  List<Draft> pollOptions;

  Draft(long slot, Kind kind, double trueTime, Draft parent, int author) {
    this.slot = slot;
    this.kind = kind;
    this.trueTime = trueTime;
    this.parent = parent;
    this.post = parent == null ? this : parent.post;
    this.depth = parent == null || kind == Kind.POLL_OPTION ? 0 : parent.depth + 1;
    this.author = author;
  }

  boolean isVisible() {
    return !dead && !deleted && !purged;
  }
}
