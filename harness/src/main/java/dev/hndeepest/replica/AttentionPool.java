package dev.hndeepest.replica;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the post a new comment goes to, in proportion to the post's attractiveness times {@code
 * exp(-age / tau)}: comments come fast while a post is fresh and fade over hours. Because every
 * post decays at the same rate, weights relative to a fixed time origin never change, so a Fenwick
 * tree samples in O(log n). Slot 0 stands for the posts older than the simulation.
 */
final class AttentionPool {

  /** Rebase the weights' time origin before exp() gets near overflow. */
  private static final double MAX_EXPONENT = 300;

  private final double tauSeconds;
  private double origin;
  private Draft[] posts = new Draft[1024];
  private double[] attractiveness = new double[1024];
  private double[] times = new double[1024];
  private double[] tree = new double[1025];
  private int size;

  /**
   * @param tauSeconds how fast attention fades
   * @param olderPostsAttention the attention all earlier posts hold together at {@code start}
   * @param start when the simulation starts
   */
  AttentionPool(double tauSeconds, double olderPostsAttention, double start) {
    this.tauSeconds = tauSeconds;
    this.origin = start;
    append(null, olderPostsAttention, start);
  }

  void add(Draft post, double postAttractiveness, double time) {
    if (postAttractiveness <= 0) {
      return;
    }
    if ((time - origin) / tauSeconds > MAX_EXPONENT) {
      origin = time;
      rebuild(posts.length);
    }
    append(post, postAttractiveness, time);
  }

  /** The chosen post, or {@code null} when the comment goes to a post older than the span. */
  Draft pick(SplittableRandom random) {
    double target = random.nextDouble() * prefixSum(size);
    int position = 0;
    for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
      int next = position + step;
      if (next < tree.length && tree[next] <= target) {
        position = next;
        target -= tree[next];
      }
    }
    // Rounding can land one past the last slot; the newest post is the right answer then.
    return posts[Math.min(position, size - 1)];
  }

  private void append(Draft post, double postAttractiveness, double time) {
    if (size == posts.length) {
      posts = Arrays.copyOf(posts, size * 2);
      attractiveness = Arrays.copyOf(attractiveness, size * 2);
      times = Arrays.copyOf(times, size * 2);
      rebuild(size * 2);
    }
    posts[size] = post;
    attractiveness[size] = postAttractiveness;
    times[size] = time;
    double weight = weight(size);
    for (int index = size + 1; index < tree.length; index += index & -index) {
      tree[index] += weight;
    }
    size++;
  }

  private double weight(int slot) {
    return attractiveness[slot] * StrictMath.exp((times[slot] - origin) / tauSeconds);
  }

  private void rebuild(int capacity) {
    tree = new double[capacity + 1];
    for (int slot = 0; slot < size; slot++) {
      tree[slot + 1] = weight(slot);
    }
    for (int index = 1; index <= capacity; index++) {
      int parent = index + (index & -index);
      if (parent <= capacity) {
        tree[parent] += tree[index];
      }
    }
  }

  private double prefixSum(int count) {
    double sum = 0;
    for (int index = count; index > 0; index -= index & -index) {
      sum += tree[index];
    }
    return sum;
  }
}
