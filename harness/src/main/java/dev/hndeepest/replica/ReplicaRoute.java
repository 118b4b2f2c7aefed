package dev.hndeepest.replica;

import java.util.regex.Pattern;

/** A request path of the Firebase API, parsed. */
sealed interface ReplicaRoute {

  EndpointKind kind();

  record Item(long id) implements ReplicaRoute {
    @Override
    public EndpointKind kind() {
      return EndpointKind.ITEM;
    }
  }

  record Listing(EndpointKind kind) implements ReplicaRoute {}

  /** A path the replica does not serve (404) or an item id it cannot read (400). */
  record Invalid(int status, String reason) implements ReplicaRoute {
    @Override
    public EndpointKind kind() {
      return EndpointKind.INVALID;
    }
  }

  Pattern ITEM_PATH = Pattern.compile("/v0/item/([^/]*)\\.json");

  /** Parses a request path (without the query string). */
  static ReplicaRoute parse(String path) {
    switch (path) {
      case "/v0/maxitem.json" -> {
        return new Listing(EndpointKind.MAX_ITEM);
      }
      case "/v0/newstories.json" -> {
        return new Listing(EndpointKind.NEW_STORIES);
      }
      case "/v0/topstories.json" -> {
        return new Listing(EndpointKind.TOP_STORIES);
      }
      case "/v0/updates.json" -> {
        return new Listing(EndpointKind.UPDATES);
      }
      default -> {
        var matcher = ITEM_PATH.matcher(path);
        return matcher.matches() ? item(matcher.group(1)) : new Invalid(404, "no such path");
      }
    }
  }

  private static ReplicaRoute item(String rawId) {
    boolean digitsOnly = rawId.chars().allMatch(c -> c >= '0' && c <= '9');
    if (rawId.isEmpty() || rawId.length() > 18 || !digitsOnly) {
      return new Invalid(400, "item id must be a non-negative integer: " + rawId);
    }
    return new Item(Long.parseLong(rawId));
  }
}
