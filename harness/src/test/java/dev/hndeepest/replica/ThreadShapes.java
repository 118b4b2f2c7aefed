package dev.hndeepest.replica;

import dev.hndeepest.hn.HnItem;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Measures generated threads the way the product does: levels of visible comments. */
final class ThreadShapes {

  /** The visible comments under a post and the deepest level among them. */
  record Shape(long postId, int visibleComments, int depth) {}

  private final Map<Long, HnItem> byId = new HashMap<>();

  ThreadShapes(List<HnItem> items) {
    items.forEach(item -> byId.put(item.id(), item));
  }

  Map<Long, HnItem> byId() {
    return byId;
  }

  Shape of(HnItem post) {
    int visible = 0;
    int depth = 0;
    record Node(HnItem item, int level) {}
    var pending = new ArrayDeque<Node>();
    pending.push(new Node(post, 0));
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      for (long kid : node.item().kidIds()) {
        HnItem child = byId.get(kid);
        if (child == null) {
          continue; // answers null: left out with its replies
        }
        int level = node.level() + 1;
        if (child.isVisible()) {
          visible++;
          depth = Math.max(depth, level);
        }
        pending.push(new Node(child, level));
      }
    }
    return new Shape(post.id(), visible, depth);
  }

  /** The post a comment hangs under, if the data holds the whole way up. */
  HnItem rootOf(HnItem comment) {
    HnItem current = comment;
    while (current != null && !current.isPost()) {
      current = current.parent() == null ? null : byId.get(current.parent());
    }
    return current;
  }
}
