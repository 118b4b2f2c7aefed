package dev.hndeepest.hn;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the Firebase API's JSON answers; anything that does not parse is a {@link MalformedBodyException}. */
final class HnJsonReader {

  private final ObjectReader itemReader;
  private final ObjectReader idReader;
  private final ObjectReader idListReader;

  HnJsonReader() {
    // Trailing garbage after the value means the body is not what the API sent.
    var mapper = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    itemReader = mapper.readerFor(HnItem.class);
    idReader = mapper.readerFor(Long.class);
    idListReader = mapper.readerFor(long[].class).with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /**
   * The item, or empty when the body is {@code null}. Of {@code text}, only a visible comment's
   * excerpt is kept ({@link HnItem#withTextAsExcerpt()}): the whole HTML is most of an item's size.
   */
  Optional<HnItem> item(byte[] body, long expectedId) throws MalformedBodyException {
    HnItem item = read(itemReader, body);
    if (item == null) {
      return Optional.empty();
    }
    if (item.id() != expectedId) {
      throw new MalformedBodyException("answer for item " + expectedId + " carries id " + item.id());
    }
    return Optional.of(item.withTextAsExcerpt());
  }

  long maxItem(byte[] body) throws MalformedBodyException {
    Long id = read(idReader, body);
    if (id == null) {
      throw new MalformedBodyException("maxitem answered null");
    }
    return id;
  }

  List<Long> storyIds(byte[] body) throws MalformedBodyException {
    long[] ids = read(idListReader, body);
    if (ids == null) {
      throw new MalformedBodyException("story list answered null");
    }
    return Arrays.stream(ids).boxed().toList();
  }

  private static <T> T read(ObjectReader reader, byte[] body) throws MalformedBodyException {
    try {
      return reader.readValue(body);
    } catch (JacksonException e) {
      // No parser message: it may quote the body, which must not reach the logs.
      throw new MalformedBodyException("malformed JSON body of " + body.length + " bytes");
    } catch (IOException e) {
      throw new MalformedBodyException("unreadable body of " + body.length + " bytes");
    }
  }

  /** A body that is not the JSON the endpoint promises; a transient fault (e.g. a truncated answer). */
  static final class MalformedBodyException extends Exception {
    MalformedBodyException(String message) {
      super(message);
    }
  }
}
