package dev.hndeepest.request;

import dev.hndeepest.discovery.TimeWindow;

/**
 * A validated question: the window of {@code hours} ending at {@code asOf} (epoch seconds).
 *
 * @param asOfGiven false when asOf defaulted to the time of the request
 */
public record WindowRequest(int hours, long asOf, boolean asOfGiven) {
  public TimeWindow window() {
    return TimeWindow.endingAt(asOf, hours);
  }
}
