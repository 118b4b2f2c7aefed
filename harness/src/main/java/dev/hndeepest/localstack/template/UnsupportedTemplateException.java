package dev.hndeepest.localstack.template;

/** Something in the template that the local stack cannot reproduce, so it refuses to pretend. */
public final class UnsupportedTemplateException extends IllegalStateException {
  public UnsupportedTemplateException(String message) {
    super(message);
  }
}
