package dev.hndeepest.cli;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What the development harness lends the command when it runs from the repository ({@code
 * ./hn-deepest}): the bundled snapshot behind {@code --demo}, and a local job stack for {@code job}
 * without {@code --api}. The shipped jar has none, and says so when asked for either.
 */
public interface LocalHarness {

  /** The bundled snapshot served in-process, with "now" moved to the snapshot's end. */
  HnSource demoSource();

  /** The job API as template.yaml deploys it, on loopback, reading HN from {@code hn}. */
  JobStack startJobStack(HnSource hn, int apiPort, Map<String, String> parameterOverrides);

  /** A running local job stack. */
  interface JobStack extends AutoCloseable {
    URI apiBaseUrl();

    /** What the job that took {@code elapsed} cost: work messages and AWS calls. */
    String costOfJob(Duration elapsed);

    /** Begins counting a job's cost from here. */
    void startCounting();

    @Override
    void close();
  }
}
