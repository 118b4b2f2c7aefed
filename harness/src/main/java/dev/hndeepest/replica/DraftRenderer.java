package dev.hndeepest.replica;

import dev.hndeepest.hn.HnItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns simulated drafts into API items: ids from slots, jittered clock times, ranked {@code kids},
 * {@code descendants}, scores, deleted stubs and dead flags. Only items inside the span and not
 * purged are emitted.
 */
final class DraftRenderer {

  /** Share of items whose clock reads a few seconds off, so neighbouring ids go out of order. */
  static final double JITTERED_SHARE = 0.25;

  static final int MAX_JITTER_SECONDS = 4;

  /** Share of dead, comment-less posts that report {@code descendants: -1}. */
  static final double DEAD_MINUS_ONE_SHARE = 0.75;

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final GeneratorSpec spec;
  private final long renderSeed;

  DraftRenderer(GeneratorSpec spec) {
    this.spec = spec;
    this.renderSeed = spec.seed() ^ 0x7F4A7C159E3779B9L;
  }

  List<HnItem> render(ThreadSimulation.Timeline timeline) {
    List<Draft> drafts = timeline.drafts();
    long idOffset = spec.firstId() - timeline.firstSpanSlot();
    if (!drafts.isEmpty() && drafts.getFirst().slot + idOffset < 1) {
      throw new IllegalStateException(
          "firstId %d leaves too few ids for the items before the span; use a larger firstId"
              .formatted(spec.firstId()));
    }
    long start = spec.start().getEpochSecond();
    long end = spec.end().getEpochSecond();
    for (Draft draft : drafts) {
      draft.recordedTime = recordedTime(draft, end);
    }
    for (Draft draft : drafts.reversed()) {
      for (Draft child : draft.children) {
        int own = child.dead || child.deleted ? 0 : 1;
        draft.visibleDescendants += child.visibleDescendants + own;
      }
    }
    var items = new ArrayList<HnItem>();
    for (Draft draft : drafts) {
      if (draft.trueTime >= start && !draft.purged) {
        items.add(item(draft, idOffset));
      }
    }
    return items;
  }

  /** Each draft's own random stream: one draft's choices never shift another's. */
  private SplittableRandom drawsFor(Draft draft, int purpose) {
    return new SplittableRandom(renderSeed + (draft.slot * 2 + purpose) * GOLDEN_GAMMA);
  }

  private long recordedTime(Draft draft, long end) {
    if (draft.kind == Draft.Kind.POLL_OPTION) {
      return draft.parent.recordedTime;
    }
    SplittableRandom random = drawsFor(draft, 0);
    long time = (long) Math.floor(draft.trueTime);
    if (random.nextDouble() < JITTERED_SHARE) {
      int offset = 1 + random.nextInt(MAX_JITTER_SECONDS);
      time += random.nextBoolean() ? offset : -offset;
    }
    if (draft.parent != null) {
      time = Math.max(time, draft.parent.recordedTime);
    }
    return Math.min(time, end);
  }

  private HnItem item(Draft draft, long idOffset) {
    SplittableRandom random = drawsFor(draft, 1);
    int scoreNoise = random.nextInt(5);
    boolean minusOne = random.nextDouble() < DEAD_MINUS_ONE_SHARE;
    double scoreFactor = Gaussian.logNormal(random, 1.3, 0.5);
    long id = draft.slot + idOffset;
    Long parent = draft.kind == Draft.Kind.COMMENT ? draft.parent.slot + idOffset : null;
    List<Long> kids = rankedKids(draft, idOffset);
    String type = draft.kind.apiType;
    if (draft.deleted) {
      return new HnItem(
          id,
          type,
          null,
          draft.recordedTime,
          true,
          null,
          parent,
          kids,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    Boolean dead = draft.dead ? Boolean.TRUE : null;
    String by = SyntheticText.userName(draft.author);
    var text = SyntheticText.forItem(spec.seed(), draft.slot);
    long time = draft.recordedTime;
    return switch (draft.kind) {
      case COMMENT ->
          new HnItem(
              id,
              type,
              by,
              time,
              null,
              dead,
              parent,
              kids,
              null,
              null,
              text.comment(),
              null,
              null,
              null,
              null);
      case LINK_STORY -> {
        String title = text.storyTitle();
        yield new HnItem(
            id,
            type,
            by,
            time,
            null,
            dead,
            null,
            kids,
            title,
            text.url(title),
            null,
            postScore(draft, scoreNoise, scoreFactor),
            descendants(draft, minusOne),
            null,
            null);
      }
      case ASK_STORY ->
          new HnItem(
              id,
              type,
              by,
              time,
              null,
              dead,
              null,
              kids,
              text.askTitle(),
              null,
              text.comment(),
              postScore(draft, scoreNoise, scoreFactor),
              descendants(draft, minusOne),
              null,
              null);
      case POLL ->
          new HnItem(
              id,
              type,
              by,
              time,
              null,
              dead,
              null,
              kids,
              text.pollTitle(),
              null,
              text.comment(),
              postScore(draft, scoreNoise, scoreFactor),
              descendants(draft, minusOne),
              null,
              draft.pollOptions.stream().map(option -> option.slot + idOffset).toList());
      case POLL_OPTION ->
          new HnItem(
              id,
              type,
              by,
              time,
              null,
              null,
              null,
              null,
              null,
              null,
              text.pollOption(),
              1 + (int) (draft.parent.visibleDescendants * (0.2 + scoreNoise / 4.0)),
              null,
              draft.parent.slot + idOffset,
              null);
      case JOB -> {
        String title = text.jobTitle();
        boolean withUrl = scoreNoise % 2 == 0;
        yield new HnItem(
            id,
            type,
            by,
            time,
            null,
            dead,
            null,
            null,
            title,
            withUrl ? text.url(title) : null,
            withUrl ? null : text.comment(),
            1,
            null,
            null,
            null);
      }
    };
  }

  /** HN's display order: liked, well-answered, early comments first; dead and deleted last. */
  private static List<Long> rankedKids(Draft draft, long idOffset) {
    if (draft.children.isEmpty()) {
      return null;
    }
    return draft.children.stream()
        .sorted(
            Comparator.comparingDouble((Draft child) -> -displayRank(child))
                .thenComparingLong(child -> child.slot))
        .map(child -> child.slot + idOffset)
        .toList();
  }

  private static double displayRank(Draft child) {
    double hoursLater = (child.trueTime - child.parent.trueTime) / 3600;
    double rank =
        child.quality * Math.sqrt(1 + child.visibleDescendants) / Math.sqrt(1 + hoursLater / 2);
    return child.dead || child.deleted ? rank * 0.05 : rank;
  }

  private static Integer descendants(Draft post, boolean minusOne) {
    if (post.dead && post.visibleDescendants == 0 && minusOne) {
      return -1;
    }
    return post.visibleDescendants;
  }

  /** Points follow discussion: about 1.3 per comment, give or take, plus a few. */
  private static int postScore(Draft post, int noise, double perComment) {
    if (post.dead) {
      return 1 + noise / 3;
    }
    if (post.visibleDescendants == 0) {
      return 1 + (post.attractiveness > 0 ? noise : noise / 2);
    }
    return 2 + noise + (int) Math.round(post.visibleDescendants * perComment);
  }
}
