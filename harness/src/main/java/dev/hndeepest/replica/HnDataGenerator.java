package dev.hndeepest.replica;

import dev.hndeepest.hn.HnItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates realistic Hacker News items for a span of time, deterministically from a {@link
 * GeneratorSpec}: posts and comments at HN's rates with a daily rhythm, heavy-tailed thread sizes,
 * comments fading over hours, reply chains up to 15-30 levels, dead and deleted items, polls, jobs,
 * ids that answer null, clock jitter, ranked {@code kids}, and optionally items whose {@code time}
 * is days away from their id neighbours ({@link GeneratorSpec#outlierShare()}).
 */
public final class HnDataGenerator {

  private final GeneratorSpec spec;

  public HnDataGenerator(GeneratorSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null");
    }
    this.spec = spec;
  }

  /** The span's items, sorted by id. */
  public static List<HnItem> generate(GeneratorSpec spec) {
    return new HnDataGenerator(spec).generate();
  }

  /** The span's items, sorted by id. */
  public List<HnItem> generate() {
    ThreadSimulation.Timeline timeline = new ThreadSimulation(spec).run();
    return OutlierTimes.plant(new DraftRenderer(spec).render(timeline), spec.seed(), spec.outlierShare());
  }

  /** Writes the span's items as JSON lines ({@code .gz} compresses), sorted by id. */
  public List<HnItem> writeTo(Path file) throws IOException {
    List<HnItem> items = generate();
    ItemJsonLines.write(file, items);
    return items;
  }

  public GeneratorSpec spec() {
    return spec;
  }
}
