package dev.hndeepest.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs blocking work concurrently: one virtual thread per input, or a fixed number of I/O lanes
 * ({@link #onThreads}, on {@link IoThreads}). On the first failure the other tasks are cancelled
 * and the task's own exception is rethrown unwrapped, so callers see, say, the
 * HnUnavailableException the HN client threw.
 */
public final class FanOut {
  private FanOut() {}

  /** The results in the order of the inputs. */
  public static <I, O> List<O> map(List<I> inputs, Function<? super I, ? extends O> work) {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<Future<? extends O>>(inputs.size());
      for (I input : inputs) {
        futures.add(executor.submit(() -> work.apply(input)));
      }
      var results = new ArrayList<O>(inputs.size());
      for (var future : futures) {
        results.add(await(future::get, executor));
      }
      return results;
    }
  }

  /**
   * Runs {@code work} on {@code threads} I/O lanes ({@link IoThreads#configured()}) at once and waits
   * for all of them. After a failure it returns without waiting for lanes still blocked in a request:
   * they are interrupted, and a platform lane ends when its request does (its client's timeout).
   */
  public static void onThreads(int threads, Runnable work) {
    var executor = Executors.newThreadPerTaskExecutor(IoThreads.configured().factory("hn-lane-"));
    try {
      var futures = new ArrayList<Future<?>>(threads);
      for (int i = 0; i < threads; i++) {
        futures.add(executor.submit(work));
      }
      for (var future : futures) {
        await(future::get, executor);
      }
    } finally {
      executor.shutdown();
    }
  }

  /** Runs the tasks at once, each on its own virtual thread, and waits for all of them. */
  public static void all(Runnable... tasks) {
    map(List.of(tasks), task -> {
      task.run();
      return Boolean.TRUE;
    });
  }

  /** Hands each result to {@code onResult} on the calling thread, in the order they finish. */
  public static <I, O> void forEachCompleted(
      List<I> inputs, Function<? super I, ? extends O> work, Consumer<? super O> onResult) {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      CompletionService<O> completed = new ExecutorCompletionService<>(executor);
      for (I input : inputs) {
        completed.submit(() -> work.apply(input));
      }
      for (int i = 0; i < inputs.size(); i++) {
        onResult.accept(await(() -> completed.take().get(), executor));
      }
    }
  }

  /**
   * Runs at most {@code inFlight} tasks at a time and hands their results to {@code onResult} on the
   * calling thread in the order of the inputs; the next task starts as soon as the oldest one's
   * result is handed on, so work overlaps across inputs without all of them being started at once.
   */
  public static <I, O> void inOrder(
      List<I> inputs, int inFlight, Function<? super I, ? extends O> work, Consumer<? super O> onResult) {
    if (inFlight < 1) {
      throw new IllegalArgumentException("inFlight must be at least 1, was " + inFlight);
    }
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var pending = new ArrayDeque<Future<? extends O>>(inFlight);
      for (I input : inputs) {
        if (pending.size() == inFlight) {
          var oldest = pending.poll();
          onResult.accept(await(oldest::get, executor));
        }
        pending.add(executor.submit(() -> work.apply(input)));
      }
      while (!pending.isEmpty()) {
        var oldest = pending.poll();
        onResult.accept(await(oldest::get, executor));
      }
    }
  }

  private interface Wait<T> {
    T get() throws InterruptedException, ExecutionException;
  }

  private static <T> T await(Wait<T> wait, ExecutorService executor) {
    try {
      return wait.get();
    } catch (ExecutionException e) {
      executor.shutdownNow();
      switch (e.getCause()) {
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error;
        default -> throw new IllegalStateException("a task failed", e.getCause());
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for tasks", e);
    }
  }
}
