package dev.hndeepest.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every approach must give the baseline's answer for every window; numbers of wrong answers mean nothing. */
final class AnswerAgreement {
  private AnswerAgreement() {}

  /**
   * @param expected the baseline's answer per hours (from its in-memory replay)
   * @throws AnswersDisagreeException naming every row whose answer differs
   */
  static void check(List<RunMeasurement> rows, Map<Integer, Answer> expected) {
    var disagreements = new ArrayList<String>();
    for (var row : rows) {
      var wanted = expected.get(row.hours());
      if (wanted == null) {
        disagreements.add("h=" + row.hours() + " " + row.approach().label() + ": no baseline answer to compare with");
      } else if (!row.answer().equals(wanted)) {
        disagreements.add("h=" + row.hours() + " " + row.approach().label() + " answered " + row.answer().describe()
            + " (path " + row.answer().deepestPath() + "), the baseline " + wanted.describe()
            + " (path " + wanted.deepestPath() + ")");
      }
    }
    if (!disagreements.isEmpty()) {
      throw new AnswersDisagreeException(disagreements);
    }
  }
}
