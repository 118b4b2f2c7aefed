package dev.hndeepest.benchmark;

import static dev.hndeepest.benchmark.Rows.ANSWER;
import static dev.hndeepest.benchmark.Rows.row;
import static dev.hndeepest.benchmark.Rows.withAnswer;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerAgreementTest {

  @Test
  void check_shouldPass_whenEveryApproachGivesTheBaselinesAnswer() {
    var rows = List.of(row(Approach.BASELINE, 24, 600, 14_000, 1), row(Approach.COMMAND, 24, 6, 14_000, 64),
        row(Approach.JOB_STACK, 24, 8, 14_000, 256));

    assertThatCode(() -> AnswerAgreement.check(rows, Map.of(24, ANSWER))).doesNotThrowAnyException();
  }

  @Test
  void check_shouldNameTheRow_whenTheJobStackFindsAnotherPath() {
    // GIVEN the job stack reports the same post but another deepest path
    var other = new Answer(ANSWER.postId(), ANSWER.depth(), ANSWER.comments(), List.of(43L, 45L),
        ANSWER.postsConsidered());
    var rows = List.of(row(Approach.COMMAND, 24, 6, 14_000, 64),
        withAnswer(row(Approach.JOB_STACK, 24, 8, 14_000, 256), other));

    // WHEN / THEN
    assertThatThrownBy(() -> AnswerAgreement.check(rows, Map.of(24, ANSWER)))
        .isInstanceOf(AnswersDisagreeException.class)
        .hasMessageContaining("h=24 job stack")
        .hasMessageContaining("[43, 45]")
        .hasMessageNotContaining("h=24 command");
  }

  @Test
  void check_shouldFail_whenAWindowHasNoBaselineAnswer() {
    var rows = List.of(row(Approach.COMMAND, 6, 1, 3_000, 64));

    assertThatThrownBy(() -> AnswerAgreement.check(rows, Map.of(24, ANSWER)))
        .isInstanceOf(AnswersDisagreeException.class)
        .hasMessageContaining("no baseline answer");
  }
}
