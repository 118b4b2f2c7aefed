package dev.hndeepest.replica;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hndeepest.hn.HnItem;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes items as JSON lines (one API item object per line), plain or gzip-compressed
 * when the file name ends in {@code .gz}.
 */
public final class ItemJsonLines {

  /**
   * HnItem's derived {@code isDeleted()}, {@code isPost()}, ... must not become JSON fields: the
   * API omits absent flags and knows no "post" or "visible".
   */
  private static final ObjectMapper MAPPER =
      new ObjectMapper().setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

  private ItemJsonLines() {}

  /** The shared mapper for {@link HnItem}; thread-safe once configured. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads every item of a file; ids must be positive and unique. */
  public static List<HnItem> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(isGzip(file) ? new GZIPInputStream(in, 1 << 16) : in, file.toString());
    }
  }

  /** Reads every item of a stream of JSON lines; {@code source} names it in error messages. */
  public static List<HnItem> read(InputStream in, String source) throws IOException {
    var items = new ArrayList<HnItem>();
    var seen = new HashSet<Long>();
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    int lineNumber = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      HnItem item = parseLine(line, source, lineNumber);
      if (!seen.add(item.id())) {
        throw new IOException(
            "%s line %d: item id %d appears twice".formatted(source, lineNumber, item.id()));
      }
      items.add(item);
    }
    return items;
  }

  private static HnItem parseLine(String line, String source, int lineNumber) throws IOException {
    HnItem item;
    try {
      item = MAPPER.readValue(line, HnItem.class);
    } catch (JsonProcessingException e) {
      throw new IOException(
          "%s line %d: not an item JSON object: %s"
              .formatted(source, lineNumber, e.getOriginalMessage()),
          e);
    }
    if (item == null || item.id() <= 0) {
      throw new IOException(
          "%s line %d: an item needs a positive \"id\"".formatted(source, lineNumber));
    }
    return item;
  }

  /** Writes the items sorted by id, gzip-compressed when the file name ends in {@code .gz}. */
  public static void write(Path file, Collection<HnItem> items) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      if (isGzip(file)) {
        try (var gzip = new GZIPOutputStream(out, 1 << 16)) {
          write(gzip, items);
        }
      } else {
        write(out, items);
      }
    }
  }

  /** Writes the items sorted by id as UTF-8 JSON lines, each ending in {@code \n}. */
  public static void write(OutputStream out, Collection<HnItem> items) throws IOException {
    var sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingLong(HnItem::id));
    var buffer = new ByteArrayOutputStream(1 << 16);
    for (HnItem item : sorted) {
      buffer.write(toJson(item));
      buffer.write('\n');
      if (buffer.size() >= 1 << 16) {
        buffer.writeTo(out);
        buffer.reset();
      }
    }
    buffer.writeTo(out);
    out.flush();
  }

  /** The exact bytes {@link #write(OutputStream, Collection)} produces. */
  public static byte[] toBytes(Collection<HnItem> items) {
    var out = new ByteArrayOutputStream();
    try {
      write(out, items);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** One item as compact JSON, as the API answers it. */
  static byte[] toJson(HnItem item) {
    try {
      return MAPPER.writeValueAsBytes(item);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an HnItem always serialises: " + item.id(), e);
    }
  }

  private static boolean isGzip(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }
}
