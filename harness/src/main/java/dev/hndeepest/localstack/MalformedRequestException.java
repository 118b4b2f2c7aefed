package dev.hndeepest.localstack;

/** The request URL cannot be decoded (a bad percent escape), so no event can be built from it. */
public class MalformedRequestException extends RuntimeException {
  public MalformedRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
