package dev.hndeepest.cli;

import dev.hndeepest.answer.ItemSource;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the HN items come from: a given API (live or a replica), or with {@code --demo} the bundled
 * snapshot served in-process by the harness, whose "now" stands at the snapshot's end.
 *
 * @param source what answers call it: firebase, custom, or the snapshot
 * @param snapshot the hours a frozen snapshot covers; empty for a live API
 * @param server what serves the items in-process and is stopped with this source; null for none
 */
public record HnSource(URI baseUrl, Clock clock, ItemSource source, Optional<Coverage> snapshot, String description,
    AutoCloseable server) implements AutoCloseable {

  /** The span of time a snapshot holds posts for: {@code [from, to]}. */
  public record Coverage(Instant from, Instant to) {}

  /** An HN API that runs elsewhere. */
  static HnSource remote(URI hnApi) {
    return new HnSource(hnApi, Clock.systemUTC(), ItemSource.of(hnApi), Optional.empty(), hnApi.toString(), null);
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
