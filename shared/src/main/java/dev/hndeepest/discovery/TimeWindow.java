package dev.hndeepest.discovery;

/**
 * The time window {@code (from, to]} in epoch seconds: lower bound exclusive, upper inclusive.
 * Serialises as the result's {@code window} object.
 */
public record TimeWindow(int hours, long from, long to) {

  public static TimeWindow endingAt(long asOf, int hours) {
    return new TimeWindow(hours, asOf - hours * 3600L, asOf);
  }

  public boolean contains(long time) {
    return time > from && time <= to;
  }
}
