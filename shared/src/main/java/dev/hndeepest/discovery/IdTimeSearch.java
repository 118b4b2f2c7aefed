package dev.hndeepest.discovery;

import dev.hndeepest.hn.HnApi;
import dev.hndeepest.hn.HnItem;
import dev.hndeepest.hn.HnUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds the first item id whose {@code time} is after a target with a k-ary search: each round
 * probes {@value #FANOUT} ids concurrently (one round-trip) and keeps the slice between the last
 * probe at or before the target and the first one after it. Deleted stubs carry a time and count
 * like any item; null items carry none.
 *
 * <p>A probe is never judged alone: rare items carry a {@code time} days away from their id
 * neighbours (PRODUCT.md §5), so each probe is judged by the median time of the answering ids
 * around it ({@link NeighbourTime}), fetched in the same round-trip. The median of five answering
 * ids is moved by none of up to two far-off times among them, so no such item moves the slice to
 * the wrong side. The boundary found is exact when the ids on both sides of it agree with their
 * neighbourhoods; otherwise it is widened to the ids that judged them, early for a start and late
 * for an end, never the other way.
 */
final class IdTimeSearch {
  /** Probes per round: with their neighbourhoods about 60 ids, one round-trip at 64 in flight; ~5 rounds for a month near HN's newest of 45 M ids. */
  static final int FANOUT = 12;
  /** Ids on each side of a probe fetched with it. */
  static final int REACH = 2;
  /** Answering ids a neighbourhood needs to judge its probe; fewer only when nothing more answers within reach. */
  static final int MIN_JUDGES = 3;
  /**
   * Extra round-trips per round that widen the neighbourhoods with some but too few answering ids
   * (reach 4, 8, 16) — only for probes inside the slice the round's answers leave open.
   */
  static final int NULL_FOLLOW_UPS = 3;
  /**
   * A probe whose own time is this close to its neighbourhood's is not a far-off one: clocks jitter
   * by seconds, far-off times are days away.
   */
  static final long AGREEMENT_SECONDS = 600;
  /**
   * When a whole round finds nothing but nulls the slice is a run of nulls; a slice this small is
   * cheaper to scan (a few concurrent chunks) than to keep probing, so the search hands it over.
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
   *     or next to an item whose time disagrees with its neighbours'
   */
  record Result(long firstId, long noLaterThan, int rounds, long probes) {}

  private final HnApi api;

  IdTimeSearch(HnApi api) {
    this.api = api;
  }

  /**
   * The smallest id in {@code (before, after]} whose item may have {@code time > target}:
   * exact when the ids around the boundary answer and agree with their neighbours, earlier (never
   * later) across a run of nulls or next to a far-off time.
   *
   * @param before an id known to be at or before the target ({@code 0}: before the first item)
   * @param after an id known to be after the target ({@code maxItem + 1}: past the last item)
   */
  Result firstIdAfter(long target, long before, long after) {
    return firstIdAfter(target, before, after, new AtomicLong());
  }

  /**
   * As {@link #firstIdAfter(long, long, long)}, publishing the search's progress: {@code knownBefore}
   * rises to ids below which every id is at or before the target (the answer lies above them).
   */
  Result firstIdAfter(long target, long before, long after, AtomicLong knownBefore) {
    return firstIdAfter(target, before, after, knownBefore, new AtomicLong(after));
  }

  /**
   * As {@link #firstIdAfter(long, long, long, AtomicLong)}; {@code knownAfter} also falls to ids
   * from which on every id is after the target (the answer is never above them).
   */
  Result firstIdAfter(long target, long before, long after, AtomicLong knownBefore, AtomicLong knownAfter) {
    if (before < 0 || after <= before) {
      throw new IllegalArgumentException("bad search range (" + before + ", " + after + "]");
    }
    return new Search(target, before, after, knownBefore, knownAfter).run();
  }

  /** One probe's verdict: its own time and its neighbourhood's. */
  private record Judged(long ownTime, NeighbourTime neighbourhood) {
    long time() {
      return neighbourhood.time();
    }

    boolean agrees() {
      return Math.abs(ownTime - neighbourhood.time()) <= AGREEMENT_SECONDS;
    }
  }

  /** The state of one search: what is known about the ids, and the slice still open. */
  private final class Search {
    private final long target;
    private final long before;
    private final long after;
    private final AtomicLong knownBefore;
    private final AtomicLong knownAfter;
    private final TreeMap<Long, Long> times = new TreeMap<>();
    private final TreeSet<Long> knownNull = new TreeSet<>();
    private long lo;
    private long hi;
    /** The verdicts behind lo and hi; null for the bounds the caller gave. */
    private Judged loVerdict;
    private Judged hiVerdict;
    private int rounds;
    private long probes;

    Search(long target, long before, long after, AtomicLong knownBefore, AtomicLong knownAfter) {
      this.target = target;
      this.before = before;
      this.after = after;
      this.knownBefore = knownBefore;
      this.knownAfter = knownAfter;
      this.lo = before;
      this.hi = after;
    }

    Result run() {
      // The first round gallops down from the top: windows lie near the newest ids, and a slice
      // a few times the target's distance from the top needs fewer rounds than the whole id space.
      boolean gallop = true;
      boolean fromTop = false;
      boolean sawItem = false;
      while (unknownBetween(lo, hi) > 0) {
        if (rounds >= MAX_ROUNDS) {
          throw new HnUnavailableException(
              "ids " + (lo + 1) + ".." + (hi - 1) + " keep answering null; cannot search them by time");
        }
        var judged = judge(gallop || fromTop ? pickPointsFromTop() : pickPoints());
        if (gallop) {
          gallop = false;
          if (judged.isEmpty()) {
            continue;
          }
        }
        if (judged.isEmpty()) {
          if (!sawItem && fromTop && hi == after) {
            throw new HnUnavailableException("ids " + (lo + 1) + ".." + (hi - 1)
                + " all answer null although maxitem is " + (after - 1) + "; cannot search them by time");
          }
          if (hi - lo - 1 <= BLIND_SCAN_LIMIT) {
            return result(true);
          }
          if (fromTop) {
            // Two rounds of spread probes all null: on HN (under 1% nulls) that only happens in a run
            // of ids that were never items, such as ids below a replica's first one. Skip the run.
            lo = knownNull.subSet(lo, false, hi, false).last();
            loVerdict = null;
          }
          fromTop = true;
          continue;
        }
        fromTop = false;
        sawItem = true;
        narrow(judged);
      }
      return result(false);
    }

    /**
     * The boundary: exact ({@code lo + 1} across a handed-over run of nulls, else {@code hi}) when
     * lo and hi each agree with their neighbourhoods and their own times straddle the target; else
     * widened to the outermost ids that judged them.
     */
    private Result result(boolean handedOver) {
      boolean exact = trusted(loVerdict, false) && trusted(hiVerdict, true);
      long firstExact = handedOver ? lo + 1 : hi;
      long first = exact ? firstExact : Math.min(firstExact, Math.max(before + 1, floor() + 1));
      long last = exact ? hi : Math.max(hi, ceiling());
      return new Result(first, last, rounds, probes);
    }

    /** A bound the caller gave, or a probe that is what its neighbourhood says, on its side of the target. */
    private boolean trusted(Judged verdict, boolean afterTarget) {
      if (verdict == null) {
        return true;
      }
      return verdict.agrees() && (verdict.ownTime() > target) == afterTarget;
    }

    /** The lowest id that judged lo: below it, only a far-off time can be after the target. */
    private long floor() {
      return loVerdict == null ? lo : Math.min(lo, loVerdict.neighbourhood().lowestId());
    }

    /** The highest id that judged hi: above it, only a far-off time can be at or before the target. */
    private long ceiling() {
      return hiVerdict == null ? hi : Math.max(hi, hiVerdict.neighbourhood().highestId());
    }

    /**
     * The probes' verdicts, by id. Fetches each point with {@value #REACH} ids on each side in one
     * round-trip; a point that answers null is replaced by the nearest answering id fetched with it.
     * Neighbourhoods with some but too few answering ids are widened, for the points the verdicts so
     * far leave inside the open slice.
     */
    private TreeMap<Long, Judged> judge(List<Long> points) {
      var judged = new TreeMap<Long, Judged>();
      List<Long> pending = points;
      for (int followUp = 0; !pending.isEmpty(); followUp++) {
        long reach = (long) REACH << followUp;
        boolean widest = followUp == NULL_FOLLOW_UPS;
        fetch(pending, reach);
        var stillShort = new ArrayList<Long>();
        for (long point : pending) {
          var probe = probeNear(point, reach);
          if (probe.isPresent() && judged.containsKey(probe.get())) {
            continue;
          }
          var verdict = probe.flatMap(id -> verdict(id, reach, widest));
          if (verdict.isPresent()) {
            judged.put(probe.get(), verdict.get());
          } else if (!widest && probe.isPresent()) {
            // Widen only where something answered: five nulls in a row are a run of ids that were
            // never items (below a replica's first id), where wider looks find nothing either.
            stillShort.add(point);
          }
        }
        long[] open = slice(judged);
        pending = stillShort.stream().filter(id -> id > open[0] && id < open[1]).toList();
      }
      return judged;
    }

    /** The point if it answered, else the nearest answering id within {@code reach} inside the slice (above on a tie). */
    private Optional<Long> probeNear(long point, long reach) {
      if (times.containsKey(point)) {
        return Optional.of(point);
      }
      var candidates = times.subMap(Math.max(lo + 1, point - reach), true, Math.min(hi - 1, point + reach), true);
      return candidates.keySet().stream().min(Comparator.comparingLong(id -> distance(id, point)));
    }

    /** How far an id is from a point, ids below counting a half more: ties go to the id above. */
    private static long distance(long id, long point) {
      return Math.abs(id - point) * 2 + (id < point ? 1 : 0);
    }

    /** Fetches the ids within {@code reach} of the points that are not known yet, in one round-trip. */
    private void fetch(List<Long> points, long reach) {
      Set<Long> wanted = new LinkedHashSet<>();
      for (long point : points) {
        for (long id = Math.max(1, point - reach); id <= point + reach && id < after; id++) {
          if (!times.containsKey(id) && !knownNull.contains(id)) {
            wanted.add(id);
          }
        }
      }
      if (wanted.isEmpty()) {
        return;
      }
      Map<Long, Optional<HnItem>> answers = api.items(wanted);
      rounds++;
      probes += wanted.size();
      answers.forEach((id, item) -> {
        Optional<Long> time = item.map(HnItem::time).filter(t -> t > 0);
        if (time.isPresent()) {
          times.put(id, time.get());
        } else {
          knownNull.add(id);
        }
      });
    }

    /**
     * The verdict on an answering id from the {@value NeighbourTime#JUDGES} answering ids nearest to
     * it within {@code reach}, itself included; empty when fewer than {@value #MIN_JUDGES} answer
     * there, unless this is the widest reach.
     */
    private Optional<Judged> verdict(long point, long reach, boolean widest) {
      var near = new TreeMap<Long, Long>(times.subMap(point - reach, true, point + reach, true));
      if (near.size() < MIN_JUDGES && !widest) {
        return Optional.empty();
      }
      while (near.size() > NeighbourTime.JUDGES) {
        // Drop the farthest; on a tie the one above, so the neighbourhood leans on ids already behind.
        long below = point - near.firstKey();
        long above = near.lastKey() - point;
        near.remove(above >= below ? near.lastKey() : near.firstKey());
      }
      return Optional.of(new Judged(times.get(point), NeighbourTime.of(near)));
    }

    private void narrow(TreeMap<Long, Judged> judged) {
      long[] open = slice(judged);
      if (open[0] != lo) {
        loVerdict = judged.get(open[0]);
        lo = open[0];
      }
      if (open[1] != hi) {
        hiVerdict = judged.get(open[1]);
        hi = open[1];
      }
      knownBefore.accumulateAndGet(floor(), Math::max);
      knownAfter.accumulateAndGet(hi, Math::min);
    }

    /**
     * The slice {@code {lo, hi}} the verdicts leave open: the first probe after the target, then
     * the last probe at or before it below that one; probes out of order beyond the first "after"
     * (clock jitter) are ignored.
     */
    private long[] slice(TreeMap<Long, Judged> judged) {
      long newHi = judged.entrySet().stream()
          .filter(e -> e.getKey() > lo && e.getKey() < hi && e.getValue().time() > target)
          .map(Map.Entry::getKey).findFirst().orElse(hi);
      long newLo = judged.headMap(newHi).entrySet().stream()
          .filter(e -> e.getKey() > lo && e.getValue().time() <= target)
          .map(Map.Entry::getKey).reduce((a, b) -> b).orElse(lo);
      return new long[] {newLo, newHi};
    }

    /** Evenly spaced ids strictly inside {@code (lo, hi)}, or all of them when few are left. */
    private List<Long> pickPoints() {
      Set<Long> points = new LinkedHashSet<>();
      if (unknownBetween(lo, hi) <= FANOUT) {
        for (long id = nextUnknown(lo + 1); id < hi; id = nextUnknown(id + 1)) {
          points.add(id);
        }
        return List.copyOf(points);
      }
      for (int i = 1; i <= FANOUT; i++) {
        long id = nextUnknown(lo + (hi - lo) * i / (FANOUT + 1));
        if (id > lo && id < hi) {
          points.add(id);
        }
      }
      return List.copyOf(points);
    }

    /**
     * Ids at geometrically shrinking distances below {@code hi}, from most of the slice down to a
     * few ids: finds the items above a long run of nulls, however few they are.
     */
    private List<Long> pickPointsFromTop() {
      Set<Long> points = new LinkedHashSet<>();
      double range = hi - lo;
      for (int i = 1; i <= FANOUT; i++) {
        long distance = Math.max(1, Math.round(Math.pow(range, (FANOUT + 1.0 - i) / (FANOUT + 1))));
        long id = nextUnknown(hi - distance);
        if (id > lo && id < hi) {
          points.add(id);
        }
      }
      return List.copyOf(points);
    }

    private long unknownBetween(long from, long to) {
      return (to - from - 1) - knownNull.subSet(from, false, to, false).size();
    }

    private long nextUnknown(long id) {
      while (knownNull.contains(id)) {
        id++;
      }
      return id;
    }
  }
}
