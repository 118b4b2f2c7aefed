package dev.hndeepest.hn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hand-built HN data that reads like the tree it is:
 * {@code tree().post(1, 100).comment(2, 1, 110).deleted().comment(3, 2, 120).items()}.
 * Kids are filled in from parents in the order the replies are added (the API's ranked order).
 */
public final class TreeBuilder {
  private final Map<Long, Draft> drafts = new LinkedHashMap<>();
  private Draft last;

  private TreeBuilder() {}

  public static TreeBuilder tree() {
    return new TreeBuilder();
  }

  /** A story. */
  public TreeBuilder post(long id, long time) {
    return add(new Draft(id, "story", time, null)).title("Story " + id);
  }

  /** A poll; its options go into {@code parts} with {@link #pollopt}. */
  public TreeBuilder poll(long id, long time) {
    return add(new Draft(id, "poll", time, null)).title("Poll " + id);
  }

  /** An option of a poll: listed in the poll's {@code parts}, never in its {@code kids}. */
  public TreeBuilder pollopt(long id, long poll, long time) {
    var option = new Draft(id, "pollopt", time, null);
    option.poll = poll;
    draft(poll).parts.add(id);
    return add(option);
  }

  /** A job ad: has a time and a title but is never a post. */
  public TreeBuilder job(long id, long time) {
    return add(new Draft(id, "job", time, null)).title("Job " + id);
  }

  /** A reply to {@code parent}, which must already be added. */
  public TreeBuilder comment(long id, long parent, long time) {
    draft(parent).kids.add(id);
    return add(new Draft(id, "comment", time, parent));
  }

  /** A kid id of {@code parent} that the API answers null for (no item behind it). */
  public TreeBuilder missing(long id, long parent) {
    draft(parent).kids.add(id);
    return this;
  }

  /** Lists {@code kid} once more under {@code parent}: malformed data (repeats, cycles). */
  public TreeBuilder alsoKid(long parent, long kid) {
    draft(parent).kids.add(kid);
    return this;
  }

  /** Marks the last added item deleted: the API's stub without author, text or title. */
  public TreeBuilder deleted() {
    requireLast().deleted = true;
    return this;
  }

  /** Marks the last added item dead (flagged or killed). */
  public TreeBuilder dead() {
    requireLast().dead = true;
    return this;
  }

  public TreeBuilder title(String title) {
    requireLast().title = title;
    return this;
  }

  public TreeBuilder url(String url) {
    requireLast().url = url;
    return this;
  }

  /** Puts every item's kids in a seeded random order, as the API's ranking does. */
  public TreeBuilder shuffleKids(Random random) {
    drafts.values().forEach(draft -> Collections.shuffle(draft.kids, random));
    return this;
  }

  public List<HnItem> items() {
    return drafts.values().stream().map(Draft::toItem).toList();
  }

  public Map<Long, HnItem> itemsById() {
    return items().stream().collect(Collectors.toMap(HnItem::id, Function.identity()));
  }

  public HnItem item(long id) {
    return draft(id).toItem();
  }

  /** A fake API serving these items, with default max item and new-stories list. */
  public FakeHnApi api() {
    return FakeHnApi.of(items());
  }

  private TreeBuilder add(Draft draft) {
    if (drafts.putIfAbsent(draft.id, draft) != null) {
      throw new IllegalArgumentException("item " + draft.id + " added twice");
    }
    last = draft;
    return this;
  }

  private Draft draft(long id) {
    var draft = drafts.get(id);
    if (draft == null) {
      throw new IllegalArgumentException("item " + id + " is not added yet");
    }
    return draft;
  }

  private Draft requireLast() {
    if (last == null) {
      throw new IllegalStateException("add an item first");
    }
    return last;
  }

  private static final class Draft {
    final long id;
    final String type;
    final long time;
    final Long parent;
    final List<Long> kids = new ArrayList<>();
    final List<Long> parts = new ArrayList<>();
    Long poll;
    String title;
    String url;
    boolean deleted;
    boolean dead;

    Draft(long id, String type, long time, Long parent) {
      this.id = id;
      this.type = type;
      this.time = time;
      this.parent = parent;
    }

    HnItem toItem() {
      boolean comment = "comment".equals(type);
      return new HnItem(
          id, type,
          deleted ? null : "user" + id,
          time,
          deleted ? Boolean.TRUE : null,
          dead ? Boolean.TRUE : null,
          parent,
          kids.isEmpty() ? null : kids,
          deleted || comment ? null : title,
          deleted ? null : url,
          deleted || !comment ? null : "text of " + id,
          deleted || comment ? null : 1,
          null,
          poll,
          parts.isEmpty() ? null : parts);
    }
  }
}
