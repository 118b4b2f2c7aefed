package dev.hndeepest.worker;

import dev.hndeepest.job.JobId;
import dev.hndeepest.job.WorkMessage;
import dev.hndeepest.job.WorkMessageCodec;
import dev.hndeepest.job.WorkProcessor;
import dev.hndeepest.lambda.SqsTranslation;
import dev.hndeepest.lambda.metrics.PowertoolsJobMetrics;
import dev.hndeepest.lambda.snapstart.SyntheticEvents;
import java.util.List;
import software.amazon.awssdk.core.warmup.SdkWarmUp;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The worker's SnapStart warm-up: the SDK clients against canned answers, each work message through
 * its codec, and a delivery with no message through the pipeline (an HN client built and closed, no
 * request sent). What the warm-up counted is dropped: it is not the function's work.
 */
final class WorkerPriming {
  private WorkerPriming() {}

  static void warmUp(WorkProcessor processor, PowertoolsJobMetrics metrics) {
    SdkWarmUp.warmUp(DynamoDbClient.class, SqsClient.class);
    var id = JobId.random();
    for (WorkMessage message : List.<WorkMessage>of(new WorkMessage.DiscoverPosts(id),
        new WorkMessage.MeasurePosts(id, 0, List.of()), new WorkMessage.MeasureIdRange(id, 1, 1, 2))) {
      WorkMessageCodec.decode(WorkMessageCodec.encode(message));
    }
    SqsTranslation.toBatchResponse(processor.process(SqsTranslation.toQueuedMessages(SyntheticEvents.emptyDelivery())));
    metrics.discardPending();
  }
}
