package dev.hndeepest.hn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, HN-shaped data for tests: ids 1..n with times that grow but jitter a few seconds between
 * neighbours, stories, polls with options, jobs, comment chains, dead and deleted items, ids that
 * answer null (some of them listed as kids), and kids in shuffled (ranked) order.
 */
public final class RandomHnItems {
  /** Neighbouring ids differ in time by up to this much in either direction. */
  public static final int JITTER_SECONDS = 4;
  private static final int RECENT_PARENTS = 300;

  private RandomHnItems() {}

  /** About {@code count} ids from {@code startTime} on, ~6 s apart; about 12% posts and 3% nulls. */
  public static List<HnItem> generate(long seed, int count, long startTime) {
    var random = new Random(seed);
    var tree = TreeBuilder.tree();
    var recent = new ArrayList<Long>();
    long clock = startTime;
    long lastComment = 0;
    for (long id = 1; id <= count; id++) {
      clock += random.nextInt(13);
      long time = clock + random.nextInt(2 * JITTER_SECONDS + 1) - JITTER_SECONDS;
      double roll = random.nextDouble();
      if (roll < 0.03) {
        // An id the API answers null for; half of them are still listed as someone's kid.
        if (!recent.isEmpty() && random.nextBoolean()) {
          tree.missing(id, pick(recent, random));
        }
        continue;
      }
      if (roll < 0.15 || recent.isEmpty()) {
        double kind = random.nextDouble();
        if (kind < 0.08) {
          tree.job(id, time);
          continue;
        }
        if (kind < 0.15) {
          long poll = id;
          tree.poll(poll, time);
          markDeadOrDeleted(tree, random, 0.05, 0.02);
          tree.pollopt(++id, poll, time).pollopt(++id, poll, time);
          remember(recent, poll);
          continue;
        }
        tree.post(id, time);
        markDeadOrDeleted(tree, random, 0.05, 0.02);
      } else {
        // Nearly half the replies continue the latest comment, which grows long chains.
        long parent = lastComment != 0 && random.nextDouble() < 0.45 ? lastComment : pick(recent, random);
        tree.comment(id, parent, time);
        markDeadOrDeleted(tree, random, 0.04, 0.04);
        lastComment = id;
      }
      remember(recent, id);
    }
    return tree.shuffleKids(random).items();
  }

  /** The items by id, for oracles that walk the tree. */
  public static Map<Long, HnItem> byId(List<HnItem> items) {
    var map = new HashMap<Long, HnItem>();
    items.forEach(item -> map.put(item.id(), item));
    return map;
  }

  private static void markDeadOrDeleted(TreeBuilder tree, Random random, double dead, double deleted) {
    double roll = random.nextDouble();
    if (roll < dead) {
      tree.dead();
    } else if (roll < dead + deleted) {
      tree.deleted();
    }
  }

  private static void remember(List<Long> recent, long id) {
    recent.add(id);
    if (recent.size() > RECENT_PARENTS) {
      recent.remove(0);
    }
  }

  private static long pick(List<Long> ids, Random random) {
    return ids.get(random.nextInt(ids.size()));
  }
}
