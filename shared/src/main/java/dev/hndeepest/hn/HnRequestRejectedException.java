package dev.hndeepest.hn;

import java.net.URI;

/**
 * The HN API refused a request with a status that retrying cannot fix (a 4xx other than 429, or
 * an unexpected 3xx); the client fails at once instead of retrying.
 */
public class HnRequestRejectedException extends HnUnavailableException {
  private final URI url;
  private final int status;

  public HnRequestRejectedException(URI url, int status) {
    super("HN API rejected " + url + " with status " + status);
    this.url = url;
    this.status = status;
  }

  public URI url() {
    return url;
  }

  public int status() {
    return status;
  }
}
