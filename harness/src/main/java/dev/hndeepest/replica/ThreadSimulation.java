package dev.hndeepest.replica;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays HN forward in time: posts and comments arrive as two Poisson processes; each comment goes
 * to a post chosen by fading attention and to a place in its thread chosen by how people reply (top
 * level, something recent, or the next turn of an argument). Id slots are handed out in event
 * order, with a few skipped.
 */
final class ThreadSimulation {

  /** How fast a post's comment rate fades: e^-1 after this long. */
  static final double ATTENTION_TAU_HOURS = 4.5;

  /** Simulated before the span so comments on older posts fill the id axis from the start. */
  static final double WARMUP_HOURS = 48;

  /** Id slots that never answer (spam purged before anyone saw it). */
  static final double SKIPPED_SLOT_RATE = 0.001;

  /** Items that existed but now answer null. */
  static final double PURGE_RATE = 0.0015;

  static final double JOB_SHARE = 0.004;
  static final double POLL_SHARE = 0.003;
  static final double ASK_SHARE = 0.09;
  static final double DEAD_POST_RATE = 0.08;
  static final double DELETED_POST_RATE = 0.006;
  static final double DEAD_COMMENT_RATE = 0.03;
  static final double DELETED_COMMENT_RATE = 0.025;

  /** Share of posts nobody notices, and of those that reach the front page. */
  static final double UNNOTICED_SHARE = 0.45;

  static final double FRONT_PAGE_SHARE = 0.12;
  static final double FRONT_PAGE_MEDIAN_ATTRACTIVENESS = 25;

  /** Mean attractiveness of all posts, for the attention older posts still hold. */
  static final double MEAN_ATTRACTIVENESS = 5.2;

  static final double TOP_LEVEL_SHARE = 0.32;
  static final double REPLY_TO_RECENT_SHARE = 0.34;
  static final int RECENT_WINDOW = 6;
  static final double NEW_ARGUMENT_SHARE = 0.15;
  static final double BACK_AND_FORTH_SHARE = 0.6;
  static final int AUTHORS = 60_000;

  private final GeneratorSpec spec;
  private final SplittableRandom random;
  private final List<Draft> drafts = new ArrayList<>();
  private long nextSlot;
  private long firstSpanSlot = -1;

  ThreadSimulation(GeneratorSpec spec) {
    this.spec = spec;
    this.random = new SplittableRandom(spec.seed());
  }

  /** The simulated items in slot order, and the first slot inside the span. */
  record Timeline(List<Draft> drafts, long firstSpanSlot) {}

  Timeline run() {
    double start = spec.start().getEpochSecond();
    double end = spec.end().getEpochSecond();
    double simulationStart = start - warmupHours() * 3600;
    double tau = ATTENTION_TAU_HOURS * 3600;
    double olderAttention = spec.postsPerHour() / 3600 * MEAN_ATTRACTIVENESS * tau;
    var pool = new AttentionPool(tau, olderAttention, simulationStart);
    var postArrivals = new ArrivalProcess(spec.postsPerHour());
    var commentArrivals = new ArrivalProcess(Math.max(spec.commentsPerHour(), 1e-9));
    double nextPost = postArrivals.next(simulationStart, random);
    double nextComment =
        spec.commentsPerHour() > 0
            ? commentArrivals.next(simulationStart, random)
            : Double.POSITIVE_INFINITY;
    while (Math.min(nextPost, nextComment) < end) {
      double now = Math.min(nextPost, nextComment);
      if (firstSpanSlot < 0 && now >= start) {
        firstSpanSlot = nextSlot;
      }
      if (random.nextDouble() < SKIPPED_SLOT_RATE) {
        nextSlot++;
      }
      if (nextPost <= nextComment) {
        addPost(nextPost, pool);
        nextPost = postArrivals.next(nextPost, random);
      } else {
        addComment(nextComment, pool);
        nextComment = commentArrivals.next(nextComment, random);
      }
    }
    return new Timeline(drafts, firstSpanSlot < 0 ? nextSlot : firstSpanSlot);
  }

  /** Shorter when {@code firstId} leaves too few ids below the span for 48 hours. */
  private double warmupHours() {
    double generousIdsPerHour =
        2.5 * (spec.postsPerHour() + spec.commentsPerHour()) * (1 + ArrivalProcess.DAILY_SWING);
    return Math.min(WARMUP_HOURS, (spec.firstId() - 1) / generousIdsPerHour);
  }

  private void addPost(double time, AttentionPool pool) {
    double kindDraw = random.nextDouble();
    Draft.Kind kind =
        kindDraw < JOB_SHARE
            ? Draft.Kind.JOB
            : kindDraw < JOB_SHARE + POLL_SHARE
                ? Draft.Kind.POLL
                : kindDraw < JOB_SHARE + POLL_SHARE + ASK_SHARE
                    ? Draft.Kind.ASK_STORY
                    : Draft.Kind.LINK_STORY;
    var post = new Draft(nextSlot++, kind, time, null, authorIndex());
    drafts.add(post);
    post.purged = random.nextDouble() < PURGE_RATE;
    if (kind == Draft.Kind.JOB) {
      return; // jobs take no comments
    }
    post.thread = new ArrayList<>();
    post.argumentativeness = 0.04 + 0.3 * random.nextDouble();
    post.chainLimit = chainLimit();
    double attractiveness = attractiveness();
    post.dead = random.nextDouble() < DEAD_POST_RATE;
    if (post.dead && random.nextDouble() < 0.8) {
      attractiveness = 0; // killed at once; the rest were flagged after a discussion started
    }
    post.deleted = !post.dead && random.nextDouble() < DELETED_POST_RATE;
    post.attractiveness = attractiveness;
    pool.add(post, attractiveness, time);
    if (kind == Draft.Kind.POLL) {
      post.pollOptions = new ArrayList<>();
      int options = 2 + random.nextInt(5);
      for (int i = 0; i < options; i++) {
        var option = new Draft(nextSlot++, Draft.Kind.POLL_OPTION, time, post, post.author);
        post.pollOptions.add(option);
        drafts.add(option);
      }
    }
  }

  private void addComment(double time, AttentionPool pool) {
    Draft post = pool.pick(random);
    if (post == null) {
      nextSlot++; // a comment on a post older than the simulation: its id is taken, nothing more
      return;
    }
    Draft parent = chooseParent(post);
    var comment = new Draft(nextSlot++, Draft.Kind.COMMENT, time, parent, commentAuthor(parent));
    comment.quality = Gaussian.logNormal(random, 1, 0.9);
    comment.dead = random.nextDouble() < DEAD_COMMENT_RATE;
    comment.deleted = !comment.dead && random.nextDouble() < DELETED_COMMENT_RATE;
    comment.purged = random.nextDouble() < PURGE_RATE;
    parent.children.add(comment);
    post.thread.add(comment);
    drafts.add(comment);
    boolean continuesArgument = parent == post.hotLeaf && parent != post;
    if (continuesArgument
        || (parent != post && (post.hotLeaf == null || random.nextDouble() < NEW_ARGUMENT_SHARE))) {
      post.hotLeaf = comment;
    }
  }

  private Draft chooseParent(Draft post) {
    List<Draft> thread = post.thread;
    if (thread.isEmpty()) {
      return post;
    }
    if (post.hotLeaf != null
        && post.hotLeaf.depth < post.chainLimit
        && random.nextDouble() < post.argumentativeness) {
      return post.hotLeaf;
    }
    double draw = random.nextDouble();
    if (draw < TOP_LEVEL_SHARE) {
      return post;
    }
    int size = thread.size();
    if (draw < TOP_LEVEL_SHARE + REPLY_TO_RECENT_SHARE) {
      return thread.get(size - 1 - random.nextInt(Math.min(size, RECENT_WINDOW)));
    }
    return thread.get(random.nextInt(size));
  }

  /** Most arguments stop after a few turns; some run on for 15 to 30 levels. */
  private int chainLimit() {
    double draw = random.nextDouble();
    if (draw < 0.70) {
      return 4 + random.nextInt(7);
    }
    if (draw < 0.95) {
      return 10 + random.nextInt(9);
    }
    return 18 + random.nextInt(13);
  }

  /** Heavy-tailed: most posts go unnoticed, a few draw hundreds of comments. */
  private double attractiveness() {
    double draw = random.nextDouble();
    if (draw < UNNOTICED_SHARE) {
      return 0;
    }
    if (draw < 1 - FRONT_PAGE_SHARE) {
      return Gaussian.logNormal(random, 1, 0.8);
    }
    return Gaussian.logNormal(random, FRONT_PAGE_MEDIAN_ATTRACTIVENESS, 1.0);
  }

  /** In an argument, the author of the comment two levels up often answers back. */
  private int commentAuthor(Draft parent) {
    if (parent.kind == Draft.Kind.COMMENT
        && parent.parent.kind == Draft.Kind.COMMENT
        && random.nextDouble() < BACK_AND_FORTH_SHARE) {
      return parent.parent.author;
    }
    return authorIndex();
  }

  /** A few users write much of the site. */
  private int authorIndex() {
    return (int) (AUTHORS * StrictMath.pow(random.nextDouble(), 3));
  }
}
