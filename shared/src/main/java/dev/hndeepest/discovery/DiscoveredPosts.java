package dev.hndeepest.discovery;

import dev.hndeepest.hn.HnItem;
import java.util.List;

/** The posts of a window, ascending by id, with how they were found. */
public record DiscoveredPosts(List<HnItem> posts, DiscoveryReport report) {
  public DiscoveredPosts {
    posts = List.copyOf(posts);
  }
}
