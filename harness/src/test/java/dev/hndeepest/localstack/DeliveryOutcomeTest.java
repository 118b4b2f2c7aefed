package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryOutcomeTest {
  private static final List<String> BATCH = List.of("m1", "m2", "m3");

  @Test
  void of_shouldDeleteEverything_whenResponseIsNullOrHasNoFailures() {
    // GIVEN / WHEN / THEN
    assertThat(DeliveryOutcome.of(null, BATCH).toDelete(BATCH)).isEqualTo(BATCH);
    assertThat(DeliveryOutcome.of(new SQSBatchResponse(), BATCH).toDelete(BATCH)).isEqualTo(BATCH);
    assertThat(DeliveryOutcome.of(new SQSBatchResponse(List.of()), BATCH).toDelete(BATCH)).isEqualTo(BATCH);
  }

  @Test
  void of_shouldKeepListedMessages_whenSomeFailed() {
    // GIVEN
    var response = new SQSBatchResponse(List.of(new BatchItemFailure("m2")));

    // WHEN
    var outcome = DeliveryOutcome.of(response, BATCH);

    // THEN
    assertThat(outcome).isInstanceOf(DeliveryOutcome.SomeFailed.class);
    assertThat(outcome.toDelete(BATCH)).containsExactly("m1", "m3");
  }

  @Test
  void of_shouldFailWholeBatch_whenFailureNamesUnknownOrEmptyId() {
    // GIVEN
    var unknown = new SQSBatchResponse(List.of(new BatchItemFailure("m1"), new BatchItemFailure("other")));
    var empty = new SQSBatchResponse(List.of(new BatchItemFailure("")));
    var missing = new SQSBatchResponse(List.of(new BatchItemFailure(null)));

    // WHEN / THEN
    for (var response : List.of(unknown, empty, missing)) {
      var outcome = DeliveryOutcome.of(response, BATCH);
      assertThat(outcome).isInstanceOf(DeliveryOutcome.BatchFailed.class);
      assertThat(outcome.toDelete(BATCH)).isEmpty();
    }
  }
}
