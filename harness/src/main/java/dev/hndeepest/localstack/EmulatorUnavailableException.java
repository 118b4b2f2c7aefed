package dev.hndeepest.localstack;

/** The AWS emulator could not be started, or an endpoint given to reuse does not answer. */
public class EmulatorUnavailableException extends RuntimeException {
  public EmulatorUnavailableException(String message) {
    super(message);
  }

  public EmulatorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
