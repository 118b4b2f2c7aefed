package dev.hndeepest.request;

import java.util.List;
import java.util.stream.Collectors;

/** The request was rejected before anything was written or sent; lists every bad parameter. */
public class InvalidRequestException extends RuntimeException {
  private final List<InvalidParam> invalidParams;

  public InvalidRequestException(List<InvalidParam> invalidParams) {
    super(invalidParams.stream().map(p -> p.name() + ": " + p.reason()).collect(Collectors.joining("; ")));
    this.invalidParams = List.copyOf(invalidParams);
  }

  public InvalidRequestException(InvalidParam invalidParam) {
    this(List.of(invalidParam));
  }

  public List<InvalidParam> invalidParams() {
    return invalidParams;
  }
}
