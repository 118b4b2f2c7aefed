package dev.hndeepest.hn;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Firebase API's JSON answers with Jackson's streaming parser, field by field into
 * {@link HnItem} (no tree, no reflection; {@code text} kept only as a visible comment's excerpt);
 * anything that does not parse, or has more after its value, is a {@link MalformedBodyException}.
 */
final class HnJsonReader {

  private final JsonFactory factory = new JsonFactory();

  /**
   * The item, or empty when the body is {@code null}. Of {@code text}, only a visible comment's HTML
   * is kept, at most about 2 KB of it ({@link HnItem#withTextBounded()}): it is most of an item's size.
   */
  Optional<HnItem> item(byte[] body, long expectedId) throws MalformedBodyException {
    try (var parser = factory.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.VALUE_NULL) {
        requireEnd(parser, body);
        return Optional.empty();
      }
      if (first != JsonToken.START_OBJECT) {
        throw malformed(body);
      }
      HnItem item = readItem(parser, body);
      requireEnd(parser, body);
      if (item.id() != expectedId) {
        throw new MalformedBodyException("answer for item " + expectedId + " carries id " + item.id());
      }
      return Optional.of(item.withTextBounded());
    } catch (JacksonException e) {
      // No parser message: it may quote the body, which must not reach the logs.
      throw malformed(body);
    } catch (IOException e) {
      throw new MalformedBodyException("unreadable body of " + body.length + " bytes");
    }
  }

  long maxItem(byte[] body) throws MalformedBodyException {
    try (var parser = factory.createParser(body)) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.VALUE_NULL) {
        throw new MalformedBodyException("maxitem answered null");
      }
      if (token != JsonToken.VALUE_NUMBER_INT) {
        throw malformed(body);
      }
      long id = parser.getLongValue();
      requireEnd(parser, body);
      return id;
    } catch (JacksonException e) {
      throw malformed(body);
    } catch (IOException e) {
      throw new MalformedBodyException("unreadable body of " + body.length + " bytes");
    }
  }

  List<Long> storyIds(byte[] body) throws MalformedBodyException {
    try (var parser = factory.createParser(body)) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.VALUE_NULL) {
        throw new MalformedBodyException("story list answered null");
      }
      if (token != JsonToken.START_ARRAY) {
        throw malformed(body);
      }
      var ids = idArray(parser, body);
      requireEnd(parser, body);
      return ids;
    } catch (JacksonException e) {
      throw malformed(body);
    } catch (IOException e) {
      throw new MalformedBodyException("unreadable body of " + body.length + " bytes");
    }
  }

  /** The object the parser stands at the start of; unknown fields are skipped. */
  private static HnItem readItem(JsonParser parser, byte[] body) throws IOException, MalformedBodyException {
    long id = 0;
    long time = 0;
    String type = null;
    String by = null;
    String title = null;
    String url = null;
    String text = null;
    Boolean deleted = null;
    Boolean dead = null;
    Long parent = null;
    Long poll = null;
    Integer score = null;
    Integer descendants = null;
    List<Long> kids = null;
    List<Long> parts = null;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      if (token != JsonToken.FIELD_NAME) {
        throw malformed(body);
      }
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      boolean isNull = value == JsonToken.VALUE_NULL;
      switch (field) {
        case "id" -> id = isNull ? 0 : parser.getLongValue();
        case "time" -> time = isNull ? 0 : parser.getLongValue();
        case "type" -> type = text(parser, isNull, body);
        case "by" -> by = text(parser, isNull, body);
        case "title" -> title = text(parser, isNull, body);
        case "url" -> url = text(parser, isNull, body);
        case "text" -> text = text(parser, isNull, body);
        case "deleted" -> deleted = isNull ? null : parser.getBooleanValue();
        case "dead" -> dead = isNull ? null : parser.getBooleanValue();
        case "parent" -> parent = isNull ? null : parser.getLongValue();
        case "poll" -> poll = isNull ? null : parser.getLongValue();
        case "score" -> score = isNull ? null : parser.getIntValue();
        case "descendants" -> descendants = isNull ? null : parser.getIntValue();
        case "kids" -> kids = isNull ? null : ids(parser, value, body);
        case "parts" -> parts = isNull ? null : ids(parser, value, body);
        default -> parser.skipChildren(); // anything else: not read
      }
    }
    return new HnItem(id, type, by, time, deleted, dead, parent, kids, title, url, text, score, descendants, poll,
        parts);
  }

  private static String text(JsonParser parser, boolean isNull, byte[] body) throws IOException, MalformedBodyException {
    if (isNull) {
      return null;
    }
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw malformed(body);
    }
    return parser.getText();
  }

  private static List<Long> ids(JsonParser parser, JsonToken value, byte[] body) throws IOException, MalformedBodyException {
    if (value != JsonToken.START_ARRAY) {
      throw malformed(body);
    }
    return idArray(parser, body);
  }

  /** The ids of the array the parser stands at the start of. */
  private static List<Long> idArray(JsonParser parser, byte[] body) throws IOException, MalformedBodyException {
    var ids = new ArrayList<Long>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token != JsonToken.VALUE_NUMBER_INT) {
        throw malformed(body);
      }
      ids.add(parser.getLongValue());
    }
    return ids;
  }

  /** Trailing garbage after the value means the body is not what the API sent. */
  private static void requireEnd(JsonParser parser, byte[] body) throws IOException, MalformedBodyException {
    if (parser.nextToken() != null) {
      throw malformed(body);
    }
  }

  private static MalformedBodyException malformed(byte[] body) {
    return new MalformedBodyException("malformed JSON body of " + body.length + " bytes");
  }

  /** A body that is not the JSON the endpoint promises; a transient fault (e.g. a truncated answer). */
  static final class MalformedBodyException extends Exception {
    MalformedBodyException(String message) {
      super(message);
    }
  }
}
