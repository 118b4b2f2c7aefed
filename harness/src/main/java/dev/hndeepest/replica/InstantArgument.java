package dev.hndeepest.replica;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads an instant given as ISO-8601 ({@code 2025-06-10T12:00:00Z}) or as epoch seconds. */
public final class InstantArgument implements CommandLine.ITypeConverter<Instant> {

  @Override
  public Instant convert(String value) {
    String trimmed = value.strip();
    if (!trimmed.isEmpty() && trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (trimmed.length() > 12) {
        throw new CommandLine.TypeConversionException("epoch seconds out of range: " + value);
      }
      return Instant.ofEpochSecond(Long.parseLong(trimmed));
    }
    try {
      return Instant.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "not an ISO-8601 instant (2025-06-10T12:00:00Z) or epoch seconds: " + value);
    }
  }
}
