package dev.hndeepest.benchmark;

import java.util.List;

/** Some approach answered a window differently from the others: the benchmark's numbers mean nothing. */
final class AnswersDisagreeException extends RuntimeException {
  AnswersDisagreeException(List<String> disagreements) {
    super("the approaches disagree:\n  " + String.join("\n  ", disagreements));
  }
}
