package dev.hndeepest.cli;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * Where the HN items come from: a given API (live or a replica), or with {@code --demo} the bundled
 * snapshot served in-process by the harness, with "now" moved to the snapshot's end so default
 * windows hold data.
 *
 * @param server what serves the items in-process and is stopped with this source; null for none
 */
public record HnSource(URI baseUrl, Clock clock, String description, AutoCloseable server) implements AutoCloseable {

  /** An HN API that runs elsewhere. */
  static HnSource remote(URI hnApi) {
    return new HnSource(hnApi, Clock.systemUTC(), hnApi.toString(), null);
  }

  public Instant now() {
    return clock.instant();
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the in-process HN source", e);
      }
    }
  }
}
