package dev.hndeepest.harness;

import dev.hndeepest.benchmark.BenchmarkCommand;
import dev.hndeepest.cli.HnDeepestCommand;
import dev.hndeepest.replica.GenerateCommand;
import dev.hndeepest.replica.ReplicaCommand;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code ./hn-deepest} from the repository: the shipped command with the development harness
 * behind {@code --demo} and {@code job}, plus the harness's own subcommands: {@code serve}, {@code
 * replica}, {@code generate} and {@code benchmark}.
 */
public final class DevCommand {
  private DevCommand() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The launcher's command line, also used by tests to run it in-process. */
  public static CommandLine commandLine() {
    var harness = new DevHarness();
    return HnDeepestCommand.commandLine(Optional.of(harness),
        new ServeCommand(harness), new ReplicaCommand(), new GenerateCommand(), new BenchmarkCommand());
  }
}
