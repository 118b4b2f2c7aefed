package dev.hndeepest.lambda.snapstart;

import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming of one function: before Lambda snapshots the initialised function, its warm-up
 * runs (classes loaded, JIT-warm paths, Jackson's serialisers built), so the first request after a
 * restore pays for none of it. The warm-up touches nothing real: no AWS request, no HN request, no write.
 *
 * <p>After a restore nothing needs re-establishing: the warm-up opens no connection and resolves no
 * credential (the SDK's default chain resolves them on the first real call, after the restore), and
 * the worker builds its HN client per delivery.
 */
public final class Priming implements Resource {
  /**
   * Set to {@code true} to run the warm-up at init instead of at a snapshot: how it is measured under
   * the runtime interface emulator, which takes no snapshot. template.yaml never sets it.
   */
  public static final String PRIME_AT_INIT = "HN_DEEPEST_PRIME_AT_INIT";
  private static final Logger log = LoggerFactory.getLogger(Priming.class);

  private final String function;
  private final Runnable warmUp;

  private Priming(String function, Runnable warmUp) {
    this.function = function;
    this.warmUp = warmUp;
  }

  /**
   * Registers the function's warm-up for Lambda's snapshot. CRaC holds resources weakly: the caller
   * keeps the returned priming for as long as the function lives (a field of its handler).
   */
  public static Priming register(String function, Map<String, String> environment, Runnable warmUp) {
    var priming = new Priming(function, warmUp);
    Core.getGlobalContext().register(priming);
    if ("true".equals(environment.get(PRIME_AT_INIT))) {
      priming.warmUp();
    }
    return priming;
  }

  /** Runs the warm-up now. */
  public void warmUp() {
    long started = System.nanoTime();
    warmUp.run();
    log.info("{} primed in {} ms", function, (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    warmUp();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to re-establish: see the class comment.
  }
}
