package dev.hndeepest.replica;

import dev.hndeepest.hn.HnItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The bundled demo data: {@link #SPEC} generated into {@value #RESOURCE} (26 hours of HN ending
 * 2025-06-10T12:00:00Z). Regenerate it, byte for byte, with {@code hn-deepest generate --seed
 * 20250610 --hours 26 --end 2025-06-10T12:00:00Z --out
 * harness/src/main/resources/snapshot/hn-snapshot.jsonl.gz}; {@code SnapshotTest} fails when
 * the file and the generator drift apart.
 */
public final class Snapshot {

  public static final String RESOURCE = "/snapshot/hn-snapshot.jsonl.gz";

  public static final GeneratorSpec SPEC =
      GeneratorSpec.endingAt(20250610L, Instant.parse("2025-06-10T12:00:00Z"), 26);

  private final List<HnItem> items;
  private final Instant end;

  private Snapshot(List<HnItem> items) {
    this.items = List.copyOf(items);
    this.end = Instant.ofEpochSecond(items.stream().mapToLong(HnItem::time).max().orElseThrow());
  }

  /** Reads the bundled file from the classpath. */
  public static Snapshot load() {
    try (InputStream raw = Snapshot.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("the bundled snapshot " + RESOURCE + " is missing");
      }
      List<HnItem> items = ItemJsonLines.read(new GZIPInputStream(raw, 1 << 16), RESOURCE);
      if (items.isEmpty()) {
        throw new IllegalStateException("the bundled snapshot " + RESOURCE + " is empty");
      }
      return new Snapshot(items);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled snapshot " + RESOURCE, e);
    }
  }

  /** Every item, sorted by id. */
  public List<HnItem> items() {
    return items;
  }

  /** The first second of the hours the snapshot holds posts for. */
  public Instant start() {
    return SPEC.start();
  }

  /** The latest item time: the instant the snapshot shows HN at. */
  public Instant end() {
    return end;
  }
}
