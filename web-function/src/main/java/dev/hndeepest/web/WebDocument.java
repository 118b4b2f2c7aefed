package dev.hndeepest.web;

import dev.hndeepest.api.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One served document: its body and the headers it always goes out with. */
public record WebDocument(String body, Map<String, String> headers) {
  public static final String HTML = "text/html; charset=utf-8";
  public static final String JSON = "application/json";

  public WebDocument {
    headers = Map.copyOf(headers);
  }

  /** The web page, allowed to run and style only its own inline blocks and to call this origin. */
  public static WebDocument page(String html) {
    var headers = common(HTML);
    headers.put("Content-Security-Policy", InlineBlocks.contentSecurityPolicy(html));
    headers.put("Referrer-Policy", "no-referrer");
    return new WebDocument(html, headers);
  }

  public static WebDocument json(String json) {
    return new WebDocument(json, common(JSON));
  }

  /** A UTF-8 text resource of this jar; its absence is a broken build, so it fails loudly. */
  public static String resource(String name) {
    try (var in = WebDocument.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }

  ApiResponse response() {
    return new ApiResponse(200, headers, body);
  }

  private static Map<String, String> common(String mediaType) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Content-Type", mediaType);
    // Revalidated on every visit, so a deployment shows at once.
    headers.put("Cache-Control", "no-cache");
    headers.put("X-Content-Type-Options", "nosniff");
    return headers;
  }
}
