package dev.hndeepest.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hndeepest.job.WorkProcessor;
import dev.hndeepest.lambda.SqsTranslation;
import dev.hndeepest.lambda.metrics.PowertoolsJobMetrics;
import dev.hndeepest.lambda.snapstart.Priming;
import java.time.Clock;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Work queue consumer: discovery and batch messages. Reports the messages that failed as batch item
 * failures, so only they are delivered again (and reach the dead-letter queue after the limit).
 */
public class WorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final WorkProcessor workProcessor;
  private final PowertoolsJobMetrics metrics;
  /** Held here: CRaC keeps only a weak reference. */
  @SuppressWarnings({"unused", "FieldCanBeLocal"})
  private final Priming priming;

  /** Lambda's constructor: clients are built once per container, from the function's environment. */
  public WorkerHandler() {
    this(System.getenv(), Clock.systemUTC());
  }

  /** What Lambda's constructor does, for a given environment: how the local stack runs this function. */
  public WorkerHandler(Map<String, String> environment, Clock clock) {
    this(WorkerFunction.wire(environment, clock), environment);
  }

  private WorkerHandler(WorkerFunction.Wired wired, Map<String, String> environment) {
    this.workProcessor = wired.processor();
    this.metrics = wired.metrics();
    this.priming = Priming.register("WorkerFunction", environment, () -> WorkerPriming.warmUp(workProcessor, metrics));
  }

  /** For tests: the processor and metrics given, no priming registered. */
  public WorkerHandler(WorkProcessor workProcessor, PowertoolsJobMetrics metrics) {
    this.workProcessor = workProcessor;
    this.metrics = metrics;
    this.priming = null;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    try {
      return PowertoolsLogging.withLogging(context, () ->
          SqsTranslation.toBatchResponse(workProcessor.process(SqsTranslation.toQueuedMessages(event))));
    } finally {
      metrics.flush();
    }
  }
}
