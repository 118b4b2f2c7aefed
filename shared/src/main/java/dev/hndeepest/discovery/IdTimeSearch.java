package dev.hndeepest.discovery;

import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.hn.HnUnavailableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds the first item id whose {@code time} is after a target with a k-ary search: each round
 * probes {@value #FANOUT} ids concurrently (one round-trip) and keeps the slice between the last
 * probe at or before the target and the first one after it. Deleted stubs carry a time and count
 * like any item; null items carry none, so the search steps past them.
 */
final class IdTimeSearch {
  /** Ids probed per round: ~17x narrower per round-trip, ~7 rounds for HN's 45 M ids. */
  static final int FANOUT = 16;
  /**
   * Extra round-trips per round that step past a null probe (1, 2, 4 ids on) — only past nulls
   * inside the slice the round's answers leave open: any other null cannot move the boundary.
   */
  static final int NULL_FOLLOW_UPS = 3;
  /**
   * When a whole round answers null the slice is a run of nulls; a slice this small is cheaper
   * to scan (a few concurrent chunks) than to keep probing, so the search hands it over.
   */
  static final long BLIND_SCAN_LIMIT = 50_000;
  /** Enough for any real id space; more means the API answers null for nearly everything. */
  static final int MAX_ROUNDS = 100;

  /**
   * Where the first item after the target may be, and what finding it cost.
   *
   * @param firstId the earliest it can be: where a scan for items after the target starts
   * @param noLaterThan the latest it can be: where a scan for items up to the target may end;
   *     equal to {@code firstId} unless the boundary lies in a run of nulls the search handed over
   */
  record Result(long firstId, long noLaterThan, int rounds, long probes) {}

  private final HnApi api;

  IdTimeSearch(HnApi api) {
    this.api = api;
  }

  /**
   * The smallest id in {@code (before, after]} whose item may have {@code time > target}:
   * exact when the ids around the boundary answer, earlier (never later) across a run of nulls.
   *
   * @param before an id known to be at or before the target ({@code 0}: before the first item)
   * @param after an id known to be after the target ({@code maxItem + 1}: past the last item)
   */
  Result firstIdAfter(long target, long before, long after) {
    return firstIdAfter(target, before, after, new AtomicLong());
  }

  /**
   * As {@link #firstIdAfter(long, long, long)}, publishing the search's progress: {@code knownBefore}
   * rises to each id found at or before the target (the answer lies above it).
   */
  Result firstIdAfter(long target, long before, long after, AtomicLong knownBefore) {
    if (before < 0 || after <= before) {
      throw new IllegalArgumentException("bad search range (" + before + ", " + after + "]");
    }
    long lo = before;
    long hi = after;
    var knownNull = new TreeSet<Long>();
    boolean fromTop = false;
    boolean sawItem = false;
    int rounds = 0;
    long probes = 0;
    while (unknownBetween(lo, hi, knownNull) > 0) {
      if (rounds >= MAX_ROUNDS) {
        throw new HnUnavailableException(
            "ids " + (lo + 1) + ".." + (hi - 1) + " keep answering null; cannot search them by time");
      }
      var times = new TreeMap<Long, Long>();
      var probedThisRound = new HashSet<Long>();
      List<Long> batch = fromTop ? pickPointsFromTop(lo, hi, knownNull) : pickPoints(lo, hi, knownNull);
      for (int followUp = 0; !batch.isEmpty(); followUp++) {
        var answers = api.items(batch);
        rounds++;
        probes += batch.size();
        probedThisRound.addAll(batch);
        var stepPastNulls = new ArrayList<Long>();
        for (long id : batch) {
          Optional<Long> time = answers.get(id).map(HnItem::time).filter(t -> t > 0);
          if (time.isPresent()) {
            times.put(id, time.get());
            continue;
          }
          knownNull.add(id);
          long nextId = nextUnknown(id + (1L << followUp), knownNull);
          if (followUp < NULL_FOLLOW_UPS && nextId < hi && probedThisRound.add(nextId)) {
            stepPastNulls.add(nextId);
          }
        }
        var open = slice(times, target, lo, hi);
        batch = stepPastNulls.stream().filter(id -> id > open[0] && id < open[1]).toList();
      }
      if (times.isEmpty()) {
        if (!sawItem && fromTop && hi == after) {
          throw new HnUnavailableException("ids " + (lo + 1) + ".." + (hi - 1)
              + " all answer null although maxitem is " + (after - 1) + "; cannot search them by time");
        }
        if (hi - lo - 1 <= BLIND_SCAN_LIMIT) {
          return new Result(lo + 1, hi, rounds, probes);
        }
        if (fromTop) {
          // Two rounds of spread probes all null: on HN (under 1% nulls) that only happens in a run
          // of ids that were never items, such as ids below a replica's first one. Skip the run.
          lo = knownNull.subSet(lo, false, hi, false).last();
        }
        fromTop = true;
        continue;
      }
      fromTop = false;
      sawItem = true;
      var open = slice(times, target, lo, hi);
      lo = open[0];
      hi = open[1];
      knownBefore.accumulateAndGet(lo, Math::max);
    }
    return new Result(hi, hi, rounds, probes);
  }

  /**
   * The slice {@code {lo, hi}} the probed times leave open: the first probe after the target, then
   * the last probe at or before it below that one; probes out of order (clock jitter) beyond the
   * first "after" are ignored.
   */
  private static long[] slice(TreeMap<Long, Long> times, long target, long lo, long hi) {
    long newHi = times.entrySet().stream()
        .filter(e -> e.getValue() > target).map(e -> e.getKey()).findFirst().orElse(hi);
    long newLo = times.headMap(newHi).entrySet().stream()
        .filter(e -> e.getValue() <= target).map(e -> e.getKey()).reduce((a, b) -> b).orElse(lo);
    return new long[] {newLo, newHi};
  }

  /** Evenly spaced ids strictly inside {@code (lo, hi)}, or all of them when few are left. */
  private static List<Long> pickPoints(long lo, long hi, TreeSet<Long> knownNull) {
    Set<Long> points = new LinkedHashSet<>();
    if (unknownBetween(lo, hi, knownNull) <= FANOUT) {
      for (long id = nextUnknown(lo + 1, knownNull); id < hi; id = nextUnknown(id + 1, knownNull)) {
        points.add(id);
      }
      return List.copyOf(points);
    }
    for (int i = 1; i <= FANOUT; i++) {
      long id = nextUnknown(lo + (hi - lo) * i / (FANOUT + 1), knownNull);
      if (id > lo && id < hi) {
        points.add(id);
      }
    }
    return List.copyOf(points);
  }

  /** Ids at halving distances below {@code hi}: finds the items above a long run of nulls. */
  private static List<Long> pickPointsFromTop(long lo, long hi, TreeSet<Long> knownNull) {
    Set<Long> points = new LinkedHashSet<>();
    for (int i = 1; i <= FANOUT; i++) {
      long id = nextUnknown(hi - Math.max(1, (hi - lo) >> i), knownNull);
      if (id > lo && id < hi) {
        points.add(id);
      }
    }
    return List.copyOf(points);
  }

  private static long unknownBetween(long lo, long hi, TreeSet<Long> knownNull) {
    return (hi - lo - 1) - knownNull.subSet(lo, false, hi, false).size();
  }

  private static long nextUnknown(long id, TreeSet<Long> knownNull) {
    while (knownNull.contains(id)) {
      id++;
    }
    return id;
  }
}
