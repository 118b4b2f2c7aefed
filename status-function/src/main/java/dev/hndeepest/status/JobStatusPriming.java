package dev.hndeepest.status;

import dev.hndeepest.lambda.snapstart.SyntheticEvents;
import java.util.Map;
import software.amazon.awssdk.core.warmup.SdkWarmUp;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The status function's SnapStart warm-up: the DynamoDB client against canned answers, then GET and DELETE of a malformed id. */
final class JobStatusPriming {
  private JobStatusPriming() {}

  static void warmUp(JobStatusHandler handler) {
    SdkWarmUp.warmUp(DynamoDbClient.class);
    // A malformed id is answered 400 before any read: the event translation, the id check, the problem's JSON.
    for (var method : new String[] {"GET", "DELETE"}) {
      handler.handleRequest(SyntheticEvents.apiRequest(method, "/jobs/{id}", "/jobs/priming",
          Map.of("id", "priming"), Map.of()), null);
    }
  }
}
