package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.hn.HnItem;
import java.io.InputStream;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SnapshotTest {

  @Test
  void bundledFile_shouldEqualAFreshGeneration_whenDecompressed() throws Exception {
    // GIVEN the bundled file's bytes, decompressed (gzip bytes depend on the zlib in use)
    byte[] bundled;
    try (InputStream raw = Snapshot.class.getResourceAsStream(Snapshot.RESOURCE)) {
      assertThat(raw).as("bundled snapshot " + Snapshot.RESOURCE).isNotNull();
      bundled = new GZIPInputStream(raw).readAllBytes();
    }

    // WHEN the recorded spec is generated afresh
    byte[] fresh = ItemJsonLines.toBytes(HnDataGenerator.generate(Snapshot.SPEC));

    // THEN they are byte-identical; if not, regenerate the file as Snapshot's javadoc says
    assertThat(bundled).isEqualTo(fresh);
  }

  @Test
  void load_shouldTellItsEndInstant_whenLoaded() {
    // WHEN the bundled snapshot is loaded
    Snapshot snapshot = Snapshot.load();

    // THEN it ends just before the spec's end, which is the latest item time
    long latest = snapshot.items().stream().mapToLong(HnItem::time).max().orElseThrow();
    assertThat(snapshot.end()).isEqualTo(Instant.ofEpochSecond(latest));
    assertThat(snapshot.end()).isBetween(Snapshot.SPEC.end().minusSeconds(60), Snapshot.SPEC.end());
    assertThat(Snapshot.SPEC.end()).isEqualTo(Instant.parse("2025-06-10T12:00:00Z"));
    assertThat(snapshot.items()).hasSizeGreaterThan(10_000);
    assertThat(snapshot.items().getFirst().id()).isEqualTo(Snapshot.SPEC.firstId());
  }
}
