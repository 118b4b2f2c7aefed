package dev.hndeepest.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.hndeepest.request.InvalidParam;
import dev.hndeepest.request.InvalidRequestException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A job's identifier: a random UUID (122 random bits from SecureRandom), so ids can't be guessed.
 * In JSON it is the bare string.
 */
public record JobId(@JsonValue String value) {
  private static final Pattern FORMAT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public JobId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new InvalidRequestException(new InvalidParam("jobId", "must be a job id as returned by POST /jobs"));
    }
  }

  public static JobId random() {
    return new JobId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
