package dev.hndeepest.replica;

import dev.hndeepest.hn.HnItem;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The items the replica serves, as the live API showed them at one instant: items created later
 * answer {@code null}, disappear from their parents' {@code kids} and from the posts' {@code
 * descendants}; the listings are computed once.
 */
final class ServedItems {

  static final int LISTING_LIMIT = 500;
  static final int UPDATES_LIMIT = 100;

  /** HN's front-page gravity: rank = (score - 1) / (age in hours + 2)^1.8. */
  private static final double GRAVITY = 1.8;

  private final Map<Long, HnItem> byId;
  private final long maxItem;
  private final List<Long> newStories;
  private final List<Long> topStories;
  private final List<Long> updates;

  private ServedItems(Map<Long, HnItem> byId, long referenceTime) {
    this.byId = byId;
    this.maxItem = byId.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    var posts = byId.values().stream().filter(item -> item.isPost() && item.isVisible()).toList();
    this.newStories =
        posts.stream()
            .map(HnItem::id)
            .sorted(Comparator.reverseOrder())
            .limit(LISTING_LIMIT)
            .toList();
    this.topStories =
        posts.stream()
            .sorted(
                Comparator.comparingDouble((HnItem post) -> -frontPageRank(post, referenceTime))
                    .thenComparing(HnItem::id, Comparator.reverseOrder()))
            .limit(LISTING_LIMIT)
            .map(HnItem::id)
            .toList();
    this.updates =
        byId.keySet().stream().sorted(Comparator.reverseOrder()).limit(UPDATES_LIMIT).toList();
  }

  /** Everything, as given. */
  static ServedItems all(Collection<HnItem> items) {
    var byId = index(items);
    long latest = byId.values().stream().mapToLong(HnItem::time).max().orElse(0);
    return new ServedItems(byId, latest);
  }

  /** What the live API showed at {@code asOf} (items with {@code time <= asOf}). */
  static ServedItems asOf(Collection<HnItem> items, Instant asOf) {
    long cut = asOf.getEpochSecond();
    var everything = index(items);
    var removedVisibleByPost = new HashMap<Long, Integer>();
    for (HnItem item : everything.values()) {
      if (item.time() > cut && item.isVisible() && !item.isPost()) {
        rootPostOf(item, everything)
            .ifPresent(post -> removedVisibleByPost.merge(post, 1, Integer::sum));
      }
    }
    var served = new HashMap<Long, HnItem>();
    for (HnItem item : everything.values()) {
      if (item.time() <= cut) {
        served.put(
            item.id(),
            asSeenAt(item, cut, everything, removedVisibleByPost.getOrDefault(item.id(), 0)));
      }
    }
    return new ServedItems(served, cut);
  }

  Optional<HnItem> item(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  long maxItem() {
    return maxItem;
  }

  List<Long> newStories() {
    return newStories;
  }

  List<Long> topStories() {
    return topStories;
  }

  List<Long> updates() {
    return updates;
  }

  private static Map<Long, HnItem> index(Collection<HnItem> items) {
    var byId = new HashMap<Long, HnItem>(items.size() * 2);
    for (HnItem item : items) {
      if (byId.put(item.id(), item) != null) {
        throw new IllegalArgumentException("item id " + item.id() + " appears twice");
      }
    }
    return byId;
  }

  private static HnItem asSeenAt(
      HnItem item, long cut, Map<Long, HnItem> everything, int removedVisibleDescendants) {
    List<Long> kids = item.kids();
    boolean cutKids = false;
    if (kids != null) {
      // Kids the data does not hold stay listed: the live API lists ids that answer null too.
      var earlier =
          kids.stream()
              .filter(kid -> !everything.containsKey(kid) || everything.get(kid).time() <= cut)
              .toList();
      cutKids = earlier.size() != kids.size();
      kids = earlier.isEmpty() ? null : earlier;
    }
    Integer descendants = item.descendants();
    boolean cutDescendants =
        descendants != null && descendants > 0 && removedVisibleDescendants > 0;
    if (cutDescendants) {
      descendants = Math.max(0, descendants - removedVisibleDescendants);
    }
    if (!cutKids && !cutDescendants) {
      return item;
    }
    return new HnItem(
        item.id(),
        item.type(),
        item.by(),
        item.time(),
        item.deleted(),
        item.dead(),
        item.parent(),
        kids,
        item.title(),
        item.url(),
        item.text(),
        item.score(),
        descendants,
        item.poll(),
        item.parts());
  }

  private static Optional<Long> rootPostOf(HnItem comment, Map<Long, HnItem> everything) {
    HnItem current = comment;
    // Bounded walk: parents have smaller ids, so a chain cannot loop in well-formed data.
    for (int steps = 0; steps < 10_000 && current.parent() != null; steps++) {
      HnItem parent = everything.get(current.parent());
      if (parent == null) {
        return Optional.empty();
      }
      if (parent.isPost()) {
        return Optional.of(parent.id());
      }
      current = parent;
    }
    return Optional.empty();
  }

  private static double frontPageRank(HnItem post, long referenceTime) {
    double ageHours = Math.max(0, referenceTime - post.time()) / 3600.0;
    int score = post.score() == null ? 1 : post.score();
    return (score - 1) / Math.pow(ageHours + 2, GRAVITY);
  }
}
