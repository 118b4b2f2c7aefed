package dev.hndeepest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdRangePlanTest {
  private static final JobId JOB = new JobId("3f1c2b9e-8d4a-4f6b-9c2d-1a2b3c4d5e6f");

  @Test
  void messages_shouldCoverTheRangeInContiguousBatches_whenLastBatchIsShort() {
    // GIVEN ids 100..1049 in batches of 400
    var plan = new IdRangePlan(100, 1_050, 400);

    // WHEN
    var messages = plan.messages(JOB);

    // THEN three batches, the last one short, together exactly the range
    assertThat(plan.batches()).isEqualTo(3);
    assertThat(messages).containsExactly(
        new WorkMessage.MeasureIdRange(JOB, 0, 100, 500),
        new WorkMessage.MeasureIdRange(JOB, 1, 500, 900),
        new WorkMessage.MeasureIdRange(JOB, 2, 900, 1_050));
  }

  @Test
  void messages_shouldBeEmpty_whenRangeIsEmpty() {
    var plan = new IdRangePlan(500, 500, 400);

    assertThat(plan.batches()).isZero();
    assertThat(plan.messages(JOB)).isEmpty();
  }

  @Test
  void constructor_shouldRefuse_whenRangeRunsBackwardsOrBatchIsEmpty() {
    assertThatThrownBy(() -> new IdRangePlan(10, 9, 400)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IdRangePlan(10, 20, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
