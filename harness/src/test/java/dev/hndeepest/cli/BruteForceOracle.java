package dev.hndeepest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * PRODUCT.md §1 computed the slow, obvious way, straight from a JSON-lines data file: every item in
 * a map, a recursive walk per post. Shares no code with the engine, so it can catch the engine out.
 */
final class BruteForceOracle {
  private final Map<Long, JsonNode> items = new HashMap<>();

  /** The expected answer: winner id (null for an empty window), depth, comments, path, post count. */
  record Expected(Long postId, int depth, int comments, List<Long> deepestPath, int posts) {
    /** Fails unless the command's JSON answer names this winner, depth, comments, path and post count. */
    void assertAnsweredBy(JsonNode json, String window) {
      assertThat(postId).as("the window %s has posts", window).isNotNull();
      assertThat(json.get("storyId").asLong()).as("the winner of %s", window).isEqualTo(postId);
      assertThat(json.get("depth").asInt()).as("depth in %s", window).isEqualTo(depth);
      assertThat(json.get("comments").asInt()).as("comments in %s", window).isEqualTo(comments);
      assertThat(new ObjectMapper().convertValue(json.get("deepestPath"), Long[].class))
          .as("deepest path in %s", window).containsExactlyElementsOf(deepestPath);
      assertThat(json.get("storiesConsidered").asInt()).as("posts in %s", window).isEqualTo(posts);
    }
  }

  private record Walk(int depth, int comments, List<Long> path) {}

  BruteForceOracle(Path jsonLines) throws IOException {
    var mapper = new ObjectMapper();
    var raw = Files.newInputStream(jsonLines);
    var in = jsonLines.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          var node = mapper.readTree(line);
          items.put(node.get("id").asLong(), node);
        }
      }
    }
  }

  /** The item as the data file holds it (HN's raw fields, the HTML text included). */
  JsonNode item(long id) {
    return items.get(id);
  }

  Expected answer(long from, long to) {
    Expected best = null;
    int posts = 0;
    for (var item : items.values()) {
      String type = item.path("type").asText();
      long time = item.path("time").asLong();
      boolean post = type.equals("story") || type.equals("poll");
      if (!post || flag(item, "deleted") || flag(item, "dead") || time <= from || time > to) {
        continue;
      }
      posts++;
      var walk = walk(item, 0, to);
      var candidate = new Expected(item.get("id").asLong(), walk.depth(), walk.comments(), walk.path(), 0);
      if (best == null || beats(candidate, best)) {
        best = candidate;
      }
    }
    return best == null
        ? new Expected(null, 0, 0, List.of(), 0)
        : new Expected(best.postId(), best.depth(), best.comments(), best.deepestPath(), posts);
  }

  private static boolean beats(Expected a, Expected b) {
    if (a.depth() != b.depth()) {
      return a.depth() > b.depth();
    }
    if (a.comments() != b.comments()) {
      return a.comments() > b.comments();
    }
    return a.postId() < b.postId();
  }

  /** Depth, visible comments and deepest path below {@code node}, which sits at {@code level}. */
  private Walk walk(JsonNode node, int level, long asOf) {
    int bestDepth = 0;
    int comments = 0;
    List<Long> bestPath = List.of();
    for (var kidId : node.path("kids")) {
      var kid = items.get(kidId.asLong());
      if (kid == null || kid.path("time").asLong() > asOf) {
        continue;
      }
      boolean visible = !flag(kid, "deleted") && !flag(kid, "dead");
      var below = walk(kid, level + 1, asOf);
      comments += below.comments() + (visible ? 1 : 0);
      int depthHere = below.depth() > 0 ? below.depth() : (visible ? level + 1 : 0);
      List<Long> pathHere = new ArrayList<>();
      pathHere.add(kid.get("id").asLong());
      if (below.depth() > 0) {
        pathHere.addAll(below.path());
      }
      if (depthHere > 0 && (depthHere > bestDepth
          || (depthHere == bestDepth && pathHere.getLast() < bestPath.getLast()))) {
        bestDepth = depthHere;
        bestPath = pathHere;
      }
    }
    return new Walk(bestDepth, comments, bestPath);
  }

  private static boolean flag(JsonNode item, String name) {
    return item.path(name).asBoolean(false);
  }
}
