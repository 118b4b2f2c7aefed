package dev.hndeepest.request;

import java.util.List;
import java.util.stream.Collectors;

/** The request was rejected before anything was written or sent; lists every bad parameter. */
public class InvalidRequestException extends RuntimeException {
  private final List<InvalidParam> invalidParams;
  private final String hint;

  public InvalidRequestException(List<InvalidParam> invalidParams) {
    this(invalidParams, null);
  }

  /** @param hint what the client probably meant, for the answer's detail; null for none */
  public InvalidRequestException(List<InvalidParam> invalidParams, String hint) {
    super(invalidParams.stream().map(p -> p.name() + ": " + p.reason()).collect(Collectors.joining("; ")));
    this.invalidParams = List.copyOf(invalidParams);
    this.hint = hint;
  }

  /** What the client probably meant; null when there is nothing to add to the parameters' reasons. */
  public String hint() {
    return hint;
  }

  public InvalidRequestException(InvalidParam invalidParam) {
    this(List.of(invalidParam));
  }

  public List<InvalidParam> invalidParams() {
    return invalidParams;
  }
}
