package dev.hndeepest.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The local stack's options, shared by {@code serve} and {@code job}. */
public final class StackOptions {
  @Option(names = "--parameter-overrides", paramLabel = "NAME=VALUE", split = " ", arity = "1..*",
      description = "template.yaml parameter values, as for sam deploy (e.g. WorkerMaxConcurrency=8 "
          + "WorkQueueVisibilityTimeout=30); HnApiBaseUrl comes from --hn-api / --demo.")
  List<String> parameterOverrides = new ArrayList<>();

  /** The overrides by name, in the order given. */
  public Map<String, String> parsedOverrides() {
    var overrides = new LinkedHashMap<String, String>();
    for (var assignment : parameterOverrides) {
      int equals = assignment.indexOf('=');
      if (equals < 1) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--parameter-overrides takes NAME=VALUE, got: " + assignment);
      }
      overrides.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
    return overrides;
  }
}
