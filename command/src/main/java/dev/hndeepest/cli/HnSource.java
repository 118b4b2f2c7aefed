package dev.hndeepest.cli;

import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ReplicaOptions;
import dev.hndeepest.replica.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the HN items come from: a given API (live or a replica), or with {@code --demo} the bundled
 * snapshot served in-process, with "now" moved to the snapshot's end so default windows hold data.
 */
record HnSource(URI baseUrl, Clock clock, String description, HnReplicaServer replica) implements AutoCloseable {

  static HnSource open(boolean demo, URI hnApi) {
    if (!demo) {
      return new HnSource(hnApi, Clock.systemUTC(), hnApi.toString(), null);
    }
    var snapshot = Snapshot.load();
    HnReplicaServer replica;
    try {
      replica = HnReplicaServer.start(snapshot.items(), ReplicaOptions.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the in-process HN replica", e);
    }
    var shifted = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), snapshot.end()));
    return new HnSource(replica.baseUrl(), shifted,
        replica.baseUrl() + " (bundled snapshot, now = " + snapshot.end() + ")", replica);
  }

  Instant now() {
    return clock.instant();
  }

  @Override
  public void close() {
    if (replica != null) {
      replica.close();
    }
  }
}
