package dev.hndeepest.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanOutTest {

  @Test
  void inOrder_shouldHandResultsInInputOrderWithBoundedTasks_whenTasksFinishOutOfOrder() {
    // GIVEN tasks that finish in reverse order of their inputs
    var inputs = IntStream.range(0, 20).boxed().toList();
    var running = new AtomicInteger();
    var mostRunning = new AtomicInteger();
    var results = new ArrayList<Integer>();

    // WHEN they run at most 3 at a time
    FanOut.inOrder(inputs, 3, input -> {
      mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      sleepMillis(20 - input);
      running.decrementAndGet();
      return input * 10;
    }, results::add);

    // THEN every result arrives, in input order, and never more than 3 ran at once
    assertThat(results).isEqualTo(inputs.stream().map(i -> i * 10).toList());
    assertThat(mostRunning.get()).isBetween(1, 3);
  }

  @Test
  void inOrder_shouldRethrowTheTasksOwnException_whenOneFails() {
    // GIVEN a task that throws on one input
    var inputs = List.of(1, 2, 3, 4);

    // WHEN / THEN the caller sees that exception, unwrapped
    assertThatThrownBy(() -> FanOut.inOrder(inputs, 2, input -> {
      if (input == 3) {
        throw new IllegalStateException("input 3 failed");
      }
      return input;
    }, result -> {})).isInstanceOf(IllegalStateException.class).hasMessage("input 3 failed");
  }

  @Test
  void onThreads_shouldRunTheWorkOnEveryThreadAtOnce_whenAsked() {
    // GIVEN work that waits until all four copies of it run
    var started = new java.util.concurrent.CountDownLatch(4);

    // WHEN
    FanOut.onThreads(4, () -> {
      started.countDown();
      try {
        started.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    // THEN all four ran concurrently (else the latch would still wait)
    assertThat(started.getCount()).isZero();
  }

  @Test
  void inOrder_shouldRefuse_whenNothingMayRun() {
    assertThatThrownBy(() -> FanOut.inOrder(List.of(1), 0, input -> input, result -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void onThreads_shouldRunOnPlatformLanes_byDefault() {
    // GIVEN no -Dhn.ioThreads
    var virtual = new java.util.concurrent.ConcurrentLinkedQueue<Boolean>();

    // WHEN
    FanOut.onThreads(4, () -> virtual.add(Thread.currentThread().isVirtual()));

    // THEN four lanes ran, none of them virtual
    assertThat(virtual).hasSize(4).containsOnly(false);
  }

  @Test
  void ioThreads_shouldReadTheProperty_andRejectAnUnknownKind() {
    var before = System.getProperty(IoThreads.PROPERTY);
    try {
      System.clearProperty(IoThreads.PROPERTY);
      assertThat(IoThreads.configured()).isEqualTo(IoThreads.PLATFORM);
      System.setProperty(IoThreads.PROPERTY, " Virtual ");
      assertThat(IoThreads.configured()).isEqualTo(IoThreads.VIRTUAL);
      assertThat(IoThreads.VIRTUAL.factory("t-").newThread(() -> {}).isVirtual()).isTrue();
      System.setProperty(IoThreads.PROPERTY, "green");
      assertThatThrownBy(IoThreads::configured).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("platform or virtual");
    } finally {
      if (before == null) {
        System.clearProperty(IoThreads.PROPERTY);
      } else {
        System.setProperty(IoThreads.PROPERTY, before);
      }
    }
  }
}
