package dev.hndeepest.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Exit code, stdout and stderr of one in-process run of a command line. */
public record CommandRun(int exit, String out, String err) {

  /** Runs the shipped command with {@code args}. */
  public static CommandRun run(String... args) {
    return run(HnDeepestCommand.commandLine(), args);
  }

  public static CommandRun run(CommandLine commandLine, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exit = commandLine.execute(args);
    return new CommandRun(exit, out.toString(), err.toString());
  }
}
