package dev.hndeepest.web;

import dev.hndeepest.api.ApiRequest;
import dev.hndeepest.api.ApiResponse;
import dev.hndeepest.api.Problem;
import java.util.Map;

/**
 * The documents the web function serves, by API Gateway resource: each read once, each answer a
 * lookup. A resource it does not serve is a 404 problem, a method other than GET a 405.
 */
public final class WebPages {
  static final String PAGE = "/";
  static final String OPENAPI = "/openapi.json";

  private final Map<String, WebDocument> documents;

  public WebPages(Map<String, WebDocument> documents) {
    this.documents = Map.copyOf(documents);
  }

  /** The page and the OpenAPI document from this jar's {@code web/} folder. */
  public static WebPages fromClasspath() {
    return new WebPages(Map.of(
        PAGE, WebDocument.page(WebDocument.resource("web/index.html")),
        OPENAPI, WebDocument.json(WebDocument.resource("web/openapi.json"))));
  }

  /** @param resource the API Gateway resource the request was routed by ({@code /} or {@code /openapi.json}) */
  public ApiResponse answer(String resource, ApiRequest request) {
    if (!"GET".equalsIgnoreCase(request.method())) {
      return Problem.of(405, request.method() + " is not supported here; use GET", request.requestId())
          .response(Map.of("Allow", "GET"));
    }
    var document = resource == null ? null : documents.get(resource);
    if (document == null) {
      return Problem.of(404, "no page at " + request.path() + "; the web page is at the API's root",
          request.requestId()).response();
    }
    return document.response();
  }
}
