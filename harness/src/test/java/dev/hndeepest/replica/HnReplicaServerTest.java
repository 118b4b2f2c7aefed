package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hndeepest.hn.HnItem;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts an {@link HnReplicaServer} on 127.0.0.1, ephemeral port, and talks to it over HTTP. */
class HnReplicaServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void item_shouldAnswerTheItemJson_whenItExists() throws Exception {
    // GIVEN a replica of a small site
    try (var server = HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults())) {
      // WHEN an existing comment is fetched
      var response = new ReplicaHttp(server.baseUrl()).get("/item/3.json");

      // THEN the API's item JSON comes back, without fields the API does not have
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=utf-8");
      JsonNode item = JSON.readTree(response.body());
      assertThat(item.get("id").asLong()).isEqualTo(3);
      assertThat(item.get("parent").asLong()).isEqualTo(1);
      assertThat(item.get("kids").toString()).isEqualTo("[7]");
      assertThat(item.has("deleted")).isFalse();
      assertThat(item.has("visible")).isFalse();
    }
  }

  @Test
  void item_shouldAnswerNullWith200_whenTheIdIsUnknown() throws Exception {
    // GIVEN a replica without item 8
    try (var server = HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults())) {
      // WHEN item 8 is fetched
      var response = new ReplicaHttp(server.baseUrl()).get("/item/8.json");

      // THEN the live API's answer for a missing item: 200 and null
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("null");
    }
  }

  @Test
  void get_shouldAnswer400Or404_whenThePathOrIdIsBad() throws Exception {
    // GIVEN a replica
    try (var server = HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults())) {
      var http = new ReplicaHttp(server.baseUrl());

      // WHEN malformed ids and unknown paths are requested
      // THEN ids answer 400 and paths 404, all counted as invalid
      assertThat(http.get("/item/abc.json").statusCode()).isEqualTo(400);
      assertThat(http.get("/item/-3.json").statusCode()).isEqualTo(400);
      assertThat(http.get("/item/99999999999999999999.json").statusCode()).isEqualTo(400);
      assertThat(http.get("/item/3").statusCode()).isEqualTo(404);
      assertThat(http.get("/user/pg.json").statusCode()).isEqualTo(404);
      var post =
          http.send(
              HttpRequest.newBuilder(http.uri("/item/3.json"))
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(server.stats().requests(EndpointKind.INVALID)).isEqualTo(6);
      assertThat(server.stats().itemRequests()).isZero();
    }
  }

  @Test
  void listings_shouldReflectTheWholeItemSet_whenNoAsOfIsSet() throws Exception {
    // GIVEN a replica of a small site with a dead and a deleted story
    try (var server = HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults())) {
      var http = new ReplicaHttp(server.baseUrl());

      // WHEN the listings are fetched
      String maxItem = http.get("/maxitem.json").body();
      String newStories = http.get("/newstories.json").body();
      String topStories = http.get("/topstories.json").body();
      JsonNode updates = JSON.readTree(http.get("/updates.json").body());

      // THEN newest first without dead or deleted posts, top by score, updates newest first
      assertThat(maxItem).isEqualTo("7");
      assertThat(newStories).isEqualTo("[6,2,1]");
      assertThat(topStories).isEqualTo("[2,1,6]");
      assertThat(updates.get("items").toString()).isEqualTo("[7,6,5,4,3,2,1]");
      assertThat(updates.get("profiles").isArray()).isTrue();
    }
  }

  @Test
  void newStories_shouldListAtMost500_whenThereAreMorePosts() throws Exception {
    // GIVEN 600 stories
    var stories = new ArrayList<HnItem>();
    for (long id = 1; id <= 600; id++) {
      stories.add(TestItems.story(id, 1000 + id, 1, List.of(), 0));
    }
    try (var server = HnReplicaServer.start(stories, ReplicaOptions.defaults())) {
      // WHEN newstories is fetched
      JsonNode ids =
          JSON.readTree(new ReplicaHttp(server.baseUrl()).get("/newstories.json").body());

      // THEN it holds the 500 newest, newest first
      assertThat(ids.size()).isEqualTo(500);
      assertThat(ids.get(0).asLong()).isEqualTo(600);
      assertThat(ids.get(499).asLong()).isEqualTo(101);
    }
  }

  @Test
  void servedAsOf_shouldHideLaterItemsAndTheirTraces_whenSet() throws Exception {
    // GIVEN a replica answering as of t=2600 (comment 7 comes at t=3000)
    var options = ReplicaOptions.defaults().withServedAsOf(Instant.ofEpochSecond(2600));
    try (var server = HnReplicaServer.start(TestItems.smallSite(), options)) {
      var http = new ReplicaHttp(server.baseUrl());

      // WHEN the later comment, its parent, its post and the listings are fetched
      String later = http.get("/item/7.json").body();
      JsonNode parent = JSON.readTree(http.get("/item/3.json").body());
      JsonNode post = JSON.readTree(http.get("/item/1.json").body());
      String maxItem = http.get("/maxitem.json").body();

      // THEN the later comment does not exist yet, anywhere
      assertThat(later).isEqualTo("null");
      assertThat(parent.has("kids")).isFalse();
      assertThat(post.get("descendants").asInt()).isEqualTo(1);
      assertThat(maxItem).isEqualTo("6");
    }
  }

  @Test
  void servedAsOf_shouldCutNewStories_whenPostsComeLater() throws Exception {
    // GIVEN a replica answering as of t=2000, when story 6 (t=2500) did not exist yet
    var options = ReplicaOptions.defaults().withServedAsOf(Instant.ofEpochSecond(2000));
    try (var server = HnReplicaServer.start(TestItems.smallSite(), options)) {
      var http = new ReplicaHttp(server.baseUrl());

      // WHEN newstories and story 6 are fetched
      String newStories = http.get("/newstories.json").body();
      String story6 = http.get("/item/6.json").body();

      // THEN the boundary is inclusive: story 2 at exactly t=2000 is there
      assertThat(newStories).isEqualTo("[2,1]");
      assertThat(story6).isEqualTo("null");
      assertThat(http.get("/maxitem.json").body()).isEqualTo("3");
    }
  }

  @Test
  void start_shouldServeAJsonLinesFile_whenGivenInTheRealApiFormat(@TempDir Path dir)
      throws Exception {
    // GIVEN lines shaped like the live API's answers, a dead post with descendants -1 and kids
    // that point past the data among them
    Path file = dir.resolve("real.jsonl");
    Files.writeString(
        file,
        """
        {"id": 1, "type": "story", "by": "pg", "time": 1160418111, "url": "http://ycombinator.com", "title": "Y Combinator", "score": 57, "descendants": 3, "kids": [15, 487171, 234509, 82729]}
        {"id": 28, "type": "story", "by": "spez", "time": 1160490910, "url": "http://www.google.com/press/pressrel/google_youtube.html", "title": "google!", "score": 1, "descendants": -1, "dead": true}
        {"id":15,"type":"comment","by":"sama","parent":1,"time":1160423461,"text":"&#34;the rising star of venture capital&#34; -unknown VC eating lunch on SHR","kids":[17]}
        {"id":40,"deleted":true,"type":"comment","time":1160500000,"parent":15,"kids":[41]}
        """);

    // WHEN the replica serves it
    try (var server = HnReplicaServer.start(file, ReplicaOptions.defaults(), 0)) {
      var http = new ReplicaHttp(server.baseUrl());

      // THEN every field survives and ids outside the file answer null
      JsonNode story = JSON.readTree(http.get("/item/1.json").body());
      assertThat(story.get("kids").toString()).isEqualTo("[15,487171,234509,82729]");
      JsonNode dead = JSON.readTree(http.get("/item/28.json").body());
      assertThat(dead.get("dead").asBoolean()).isTrue();
      assertThat(dead.get("descendants").asInt()).isEqualTo(-1);
      JsonNode deleted = JSON.readTree(http.get("/item/40.json").body());
      assertThat(deleted.get("deleted").asBoolean()).isTrue();
      assertThat(deleted.get("kids").toString()).isEqualTo("[41]");
      assertThat(deleted.has("by")).isFalse();
      assertThat(http.get("/item/487171.json").body()).isEqualTo("null");
      assertThat(http.get("/newstories.json").body()).isEqualTo("[1]");
    }
  }

  @Test
  void latency_shouldDelayEveryAnswer_whenConfigured() throws Exception {
    // GIVEN a replica with 150 ms of latency
    var options = ReplicaOptions.defaults().withLatency(Duration.ofMillis(150));
    try (var server = HnReplicaServer.start(TestItems.smallSite(), options)) {
      var http = new ReplicaHttp(server.baseUrl());

      // WHEN three requests are made one after another
      long started = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        http.get("/item/1.json");
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

      // THEN each waited at least the latency
      assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }
  }

  @Test
  void handle_shouldServeManyRequestsAtOnce_whenClientsFanOut() throws Exception {
    // GIVEN a replica whose every answer takes one second
    var options = ReplicaOptions.defaults().withLatency(Duration.ofSeconds(1));
    try (var server = HnReplicaServer.start(TestItems.smallSite(), options)) {
      var http = new ReplicaHttp(server.baseUrl());

      // WHEN 150 clients ask at the same time
      var answers = new ArrayList<Future<Integer>>();
      long started = System.nanoTime();
      try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 150; i++) {
          long id = 1 + i % 8;
          answers.add(clients.submit(() -> http.get("/item/" + id + ".json").statusCode()));
        }
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

      // THEN they were served side by side, not one after another
      for (var answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
      assertThat(server.stats().maxInFlight()).isGreaterThanOrEqualTo(100);
      assertThat(elapsed).isLessThan(Duration.ofSeconds(30));
    }
  }

  @Test
  void stats_shouldCountRequestsByKindAndDistinctIds_whenRequestsArrive() throws Exception {
    // GIVEN a replica
    try (var server = HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults())) {
      var http = new ReplicaHttp(server.baseUrl());

      // WHEN items (one twice, one missing) and listings are fetched
      http.get("/item/1.json");
      http.get("/item/1.json");
      http.get("/item/3.json");
      http.get("/item/8.json");
      http.get("/maxitem.json");
      http.get("/newstories.json");
      http.get("/topstories.json");
      http.get("/updates.json");
      ReplicaStats stats = server.stats();

      // THEN the counters say exactly that
      assertThat(stats.requests()).isEqualTo(8);
      assertThat(stats.itemRequests()).isEqualTo(4);
      assertThat(stats.distinctItemIds()).isEqualTo(3);
      assertThat(stats.repeatedItemAnswers()).isEqualTo(1);
      assertThat(stats.requests(EndpointKind.MAX_ITEM)).isEqualTo(1);
      assertThat(stats.requests(EndpointKind.NEW_STORIES)).isEqualTo(1);
      assertThat(stats.requests(EndpointKind.TOP_STORIES)).isEqualTo(1);
      assertThat(stats.requests(EndpointKind.UPDATES)).isEqualTo(1);
      assertThat(stats.faults()).isZero();
      // One at a time, give or take the previous handler finishing after its last byte went out.
      assertThat(stats.maxInFlight()).isBetween(1, 2);
    }
  }

  @Test
  void resetStats_shouldStartFromZero_whenCalled() throws Exception {
    // GIVEN a replica that has answered a request
    try (var server = HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults())) {
      var http = new ReplicaHttp(server.baseUrl());
      http.get("/item/1.json");

      // WHEN the counters are reset and another request arrives
      server.resetStats();
      http.get("/item/1.json");

      // THEN only the new request counts, and it is not a repeat
      assertThat(server.stats().requests()).isEqualTo(1);
      assertThat(server.stats().repeatedItemAnswers()).isZero();
    }
  }

  @Test
  void close_shouldStopServing_whenClosed() throws Exception {
    // GIVEN a replica that was serving
    var server = HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults());
    var http = new ReplicaHttp(server.baseUrl());
    assertThat(http.get("/maxitem.json").statusCode()).isEqualTo(200);

    // WHEN it is closed
    server.close();

    // THEN nobody answers any more
    assertThatThrownBy(() -> http.get("/maxitem.json")).isInstanceOf(IOException.class);
  }

  @Test
  void baseUrl_shouldPointAtLoopbackV0_whenStarted() throws Exception {
    try (var server = HnReplicaServer.start(TestItems.smallSite(), ReplicaOptions.defaults())) {
      assertThat(server.baseUrl().toString())
          .isEqualTo("http://127.0.0.1:" + server.port() + "/v0");
      assertThat(server.port()).isPositive();
    }
  }
}
