package dev.hndeepest.job;

import dev.hndeepest.request.InvalidParam;
import dev.hndeepest.request.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key} with the request it was first used for. Stored hashed, so
 * the table never holds client-chosen text.
 *
 * @param requestFingerprint the parameters the client gave, to spot a key reused for another request
 */
public record IdempotencyKey(String value, String requestFingerprint) {
  private static final Pattern ALLOWED = Pattern.compile("[\\x21-\\x7e]{1,255}");

  public IdempotencyKey {
    if (value == null || !ALLOWED.matcher(value).matches()) {
      throw new InvalidRequestException(new InvalidParam("Idempotency-Key",
          "must be 1 to 255 printable ASCII characters without spaces"));
    }
  }

  public String hash() {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
