package dev.hndeepest.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates {@code hours} and {@code asOf} exactly as PRODUCT.md §3 says, for the API and the
 * command alike, each given once (the API reduces its query lists to one value first).
 */
public final class WindowRequestParser {
  /** HN's first item: nothing can be asked about before it. */
  public static final Instant FIRST_ITEM_TIME = Instant.parse("2006-10-09T18:21:51Z");
  /** Allowed clock skew between a client and us for an asOf "in the future". */
  public static final long FUTURE_SKEW_SECONDS = 60;

  // ASCII digits only: Integer.parseInt would also take "+24" and Unicode digits such as "２４".
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final int MAX_TEXT_LENGTH = 64;

  private final int maxHours;

  public WindowRequestParser(int maxHours) {
    this.maxHours = maxHours;
  }

  public int maxHours() {
    return maxHours;
  }

  /**
   * @param hoursText the value given for {@code hours}; null when absent
   * @param asOfText the value given for {@code asOf}; null when absent
   * @param now the time of the request, used as asOf when none is given
   * @throws InvalidRequestException naming each parameter that is wrong and why
   */
  public WindowRequest parse(String hoursText, String asOfText, Instant now) {
    var problems = new ArrayList<InvalidParam>();
    Integer hours = parseHours(hoursText, problems);
    Long asOf = parseAsOf(asOfText, now, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    boolean asOfGiven = asOf != null;
    return new WindowRequest(hours, asOfGiven ? asOf : now.getEpochSecond(), asOfGiven);
  }

  private Integer parseHours(String value, List<InvalidParam> problems) {
    if (value == null) {
      problems.add(new InvalidParam("hours", "is required"));
      return null;
    }
    String reason = hoursProblem(value);
    if (reason != null) {
      problems.add(new InvalidParam("hours", reason));
      return null;
    }
    return Integer.parseInt(value);
  }

  private String hoursProblem(String value) {
    String range = "an integer from 1 to " + maxHours;
    if (value.isEmpty()) {
      return "must not be empty; expected " + range;
    }
    if (!DIGITS.matcher(value).matches()) {
      return "must be " + range + " written with the digits 0-9 only, got \"" + shorten(value) + "\"";
    }
    // Compare as text length first so a 40-digit number is "out of range", not an overflow.
    String trimmed = value.replaceFirst("^0+(?=.)", "");
    if (trimmed.length() > 9 || Integer.parseInt(trimmed) < 1 || Integer.parseInt(trimmed) > maxHours) {
      return "must be " + range + ", got " + shorten(value);
    }
    return null;
  }

  private Long parseAsOf(String value, Instant now, List<InvalidParam> problems) {
    if (value == null) {
      return null;
    }
    Instant instant;
    try {
      instant = parseInstant(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      problems.add(new InvalidParam("asOf",
          "must be an ISO-8601 instant such as 2024-06-10T06:13:20Z or epoch seconds, got \""
              + shorten(value) + "\""));
      return null;
    }
    if (instant.isAfter(now.plusSeconds(FUTURE_SKEW_SECONDS))) {
      problems.add(new InvalidParam("asOf", "must not be in the future, got " + instant));
      return null;
    }
    if (instant.isBefore(FIRST_ITEM_TIME)) {
      problems.add(new InvalidParam("asOf",
          "must not be before Hacker News' first item (" + FIRST_ITEM_TIME + "), got " + instant));
      return null;
    }
    return instant.getEpochSecond();
  }

  private static Instant parseInstant(String value) {
    if (value.isEmpty() || value.length() > MAX_TEXT_LENGTH) {
      throw new NumberFormatException("empty or too long");
    }
    if (DIGITS.matcher(value).matches()) {
      if (value.length() > 12) {
        throw new NumberFormatException("too many digits for epoch seconds");
      }
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    return OffsetDateTime.parse(value).toInstant();
  }

  private static String shorten(String value) {
    String printable = value.codePoints()
        .mapToObj(cp -> Character.isISOControl(cp) ? "\\u%04x".formatted(cp) : Character.toString(cp))
        .reduce("", String::concat);
    return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
  }
}
