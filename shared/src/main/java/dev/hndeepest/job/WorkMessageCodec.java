package dev.hndeepest.job;

import dev.hndeepest.json.Json;

/** Reads and writes work messages as the JSON bodies of queue messages. */
public final class WorkMessageCodec {
  private WorkMessageCodec() {}

  public static String encode(WorkMessage message) {
    return Json.write(message);
  }

  /** @throws MalformedWorkMessageException when the body is not a work message */
  public static WorkMessage decode(String body) {
    if (body == null || body.isBlank()) {
      throw new MalformedWorkMessageException("empty message body");
    }
    try {
      var message = Json.read(body, WorkMessage.class);
      if (message == null) {
        throw new MalformedWorkMessageException("not a work message: null");
      }
      return message;
    } catch (MalformedWorkMessageException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedWorkMessageException("not a work message: " + e.getMessage());
    }
  }
}
