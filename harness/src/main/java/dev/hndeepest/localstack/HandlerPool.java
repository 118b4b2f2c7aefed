package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The handler instances of one function. Like Lambda's execution environments, an instance
 * serves one event at a time, and a new one is built (a cold start) only when all are busy; so
 * handlers need not be thread-safe here any more than in AWS.
 */
final class HandlerPool<I, O> {
  private final String functionName;
  private final Supplier<? extends RequestHandler<I, O>> factory;
  private final ConcurrentLinkedDeque<RequestHandler<I, O>> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger created = new AtomicInteger();

  HandlerPool(String functionName, Supplier<? extends RequestHandler<I, O>> factory) {
    this.functionName = functionName;
    this.factory = factory;
  }

  /** Builds one instance now, so a handler that cannot start fails at startup, not on the first event. */
  void warmUp() {
    idle.push(create());
  }

  O invoke(I event, Context context) {
    var handler = idle.poll();
    if (handler == null) {
      handler = create();
    }
    try {
      return handler.handleRequest(event, context);
    } finally {
      idle.push(handler);
    }
  }

  String functionName() {
    return functionName;
  }

  int instancesCreated() {
    return created.get();
  }

  private RequestHandler<I, O> create() {
    RequestHandler<I, O> handler = factory.get();
    if (handler == null) {
      throw new IllegalStateException("the handler factory of " + functionName + " returned null");
    }
    created.incrementAndGet();
    return handler;
  }
}
