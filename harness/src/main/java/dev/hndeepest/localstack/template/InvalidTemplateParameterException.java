package dev.hndeepest.localstack.template;

/** A parameter value that CloudFormation would refuse before creating the stack. */
public final class InvalidTemplateParameterException extends IllegalArgumentException {
  public InvalidTemplateParameterException(String message) {
    super(message);
  }
}
