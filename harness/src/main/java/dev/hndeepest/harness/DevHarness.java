package dev.hndeepest.harness;

import dev.hndeepest.answer.ItemSource;
import dev.hndeepest.cli.HnSource;
import dev.hndeepest.cli.LocalHarness;
import dev.hndeepest.localstack.AwsCallCounter;
import dev.hndeepest.localstack.LocalStack;
import dev.hndeepest.localstack.LocalStackOptions;
import dev.hndeepest.replica.HnReplicaServer;
import dev.hndeepest.replica.ReplicaOptions;
import dev.hndeepest.replica.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** The harness behind the command's {@code --demo} and {@code job} without {@code --api}: the snapshot and the local stack. */
final class DevHarness implements LocalHarness {

  @Override
  public HnSource demoSource() {
    var snapshot = Snapshot.load();
    HnReplicaServer replica;
    try {
      replica = HnReplicaServer.start(snapshot.items(), ReplicaOptions.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the in-process HN replica", e);
    }
    // Whatever the clock says, the demo answers as of the snapshot's end: a window never drifts off its data.
    var atEnd = Clock.fixed(snapshot.end(), ZoneOffset.UTC);
    return new HnSource(replica.baseUrl(), atEnd, ItemSource.SNAPSHOT,
        Optional.of(new HnSource.Coverage(snapshot.start(), snapshot.end())),
        replica.baseUrl() + " (the bundled synthetic snapshot, " + snapshot.start() + " .. " + snapshot.end() + ")",
        replica);
  }

  @Override
  public JobStack startJobStack(HnSource hn, int apiPort, Map<String, String> parameterOverrides) {
    var stack = start(hn, apiPort, parameterOverrides);
    return new JobStack() {
      @Override
      public URI apiBaseUrl() {
        return stack.apiBaseUrl();
      }

      @Override
      public void startCounting() {
        AwsCallCounter.reset();
      }

      @Override
      public String costOfJob(Duration elapsed) {
        var worker = stack.workerStats().orElseThrow();
        return "job stats: ended in %.2f s; %d work messages delivered (%d failed); AWS calls: %s".formatted(
            elapsed.toMillis() / 1000.0, worker.messagesDelivered(), worker.messagesFailed(), AwsCallCounter.snapshot());
      }

      @Override
      public void close() {
        stack.close();
      }
    };
  }

  /** The local stack as template.yaml deploys it, HN from {@code hn}, the API on {@code apiPort} (0: any free one). */
  static LocalStack start(HnSource hn, int apiPort, Map<String, String> parameterOverrides) {
    var options = LocalStackOptions.builder()
        .emulatorFromEnvironment(System.getenv())
        .parameter("HnApiBaseUrl", hn.baseUrl().toString());
    // The functions keep the real clock for the jobs' own times; the snapshot's end is "now" for its windows.
    hn.snapshot().ifPresent(coverage -> options.parameter("HnSnapshotEnd", coverage.to().toString()));
    options.parameters(parameterOverrides).apiPort(apiPort);
    return LocalStack.start(options.build());
  }
}
