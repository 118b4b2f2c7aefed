package dev.hndeepest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdRangePlanTest {
  private static final JobId JOB = new JobId("3f1c2b9e-8d4a-4f6b-9c2d-1a2b3c4d5e6f");

  @Test
  void messages_shouldCoverTheRangeInContiguousBatches_whenLastBatchIsShort() {
    // GIVEN ids 100..1049 in batches of 400
    var plan = new IdRangePlan(100, 1_050, 400, List.of());

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
  void sized_shouldFillWholeRounds_whenTheRangeNeedsMoreThanOneBatch() {
    // GIVEN 97,000 ids, at most 2,500 a batch (39 batches), rounds of 4 workers x 5 messages
    var plan = IdRangePlan.sized(1_000, 98_000, 2_500, 20, List.of());

    // WHEN
    var messages = plan.messages(JOB);

    // THEN 40 batches, two full rounds, none over 2,500 ids, together exactly the range
    assertThat(plan.batches()).isEqualTo(40);
    assertThat(plan.idsPerBatch()).isEqualTo(2_425).isLessThanOrEqualTo(2_500);
    assertThat(messages.getFirst().firstId()).isEqualTo(1_000);
    assertThat(messages.getLast().endExclusive()).isEqualTo(98_000);
    for (int i = 1; i < messages.size(); i++) {
      assertThat(messages.get(i).firstId()).isEqualTo(messages.get(i - 1).endExclusive());
    }
  }

  @Test
  void sized_shouldKeepOneBatch_whenTheRangeFitsInOne() {
    var plan = IdRangePlan.sized(1_000, 2_000, 2_500, 20, List.of());

    assertThat(plan.batches()).isEqualTo(1);
    assertThat(plan.messages(JOB)).containsExactly(new WorkMessage.MeasureIdRange(JOB, 0, 1_000, 2_000));
  }

  @Test
  void messages_shouldBeEmpty_whenRangeIsEmpty() {
    var plan = new IdRangePlan(500, 500, 400, List.of());

    assertThat(plan.batches()).isZero();
    assertThat(plan.messages(JOB)).isEmpty();
  }

  @Test
  void constructor_shouldRefuse_whenRangeRunsBackwardsOrBatchIsEmpty() {
    assertThatThrownBy(() -> new IdRangePlan(10, 9, 400, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IdRangePlan(10, 20, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
