package dev.hndeepest.config;

/** A variable the component needs is not in its environment: on Lambda, the template does not give it. */
public final class MissingVariableException extends IllegalStateException {
  private final String variable;

  public MissingVariableException(String variable) {
    super(variable + " is not set");
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
