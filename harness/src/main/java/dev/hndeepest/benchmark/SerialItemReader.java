package dev.hndeepest.benchmark;

import dev.hndeepest.hn.HnItem;
import java.util.Optional;

/** Where the original serial approach reads from: one blocking request per call, nothing kept. */
interface SerialItemReader {

  /** The item, or empty when the API answers {@code null}. */
  Optional<HnItem> item(long id);

  /** The largest item id. */
  long maxItem();
}
