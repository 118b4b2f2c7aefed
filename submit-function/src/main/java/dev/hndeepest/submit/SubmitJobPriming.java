package dev.hndeepest.submit;

import dev.hndeepest.lambda.snapstart.SyntheticEvents;
import java.util.Map;
import software.amazon.awssdk.core.warmup.SdkWarmUp;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The submit function's SnapStart warm-up: the SDK clients against canned answers, then the handler with requests it refuses. */
final class SubmitJobPriming {
  private SubmitJobPriming() {}

  static void warmUp(SubmitJobHandler handler) {
    SdkWarmUp.warmUp(DynamoDbClient.class, SqsClient.class);
    // Validation answers 400 before any read or write: the event translation, the parser, the problem's JSON.
    for (var hours : new String[] {"0", "abc"}) {
      handler.handleRequest(SyntheticEvents.apiRequest("POST", "/jobs", "/jobs", null,
          Map.of("hours", hours, "asOf", "2006-01-01T00:00:00Z")), null);
    }
  }
}
