package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hndeepest.hn.HnItem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Transient denials, the live API's 401 "Permission denied" on items that exist: the plan decides
 * them per item id, and an {@link HnReplicaServer} on 127.0.0.1 denies each such item's first
 * request only.
 */
class ReplicaDenialTest {

  @Test
  void deniesFirstRequest_shouldHitTheRatePerItem_andDependOnlyOnSeedAndId() {
    // GIVEN
    var plan = FaultPlan.none().withSeed(3).withDenyRate(0.02);

    // WHEN 100,000 ids are decided, twice
    long denied = LongStream.range(0, 100_000).filter(plan::deniesFirstRequest).count();
    long again = LongStream.range(0, 100_000).filter(plan::deniesFirstRequest).count();

    // THEN about 2%, the same ids each time, other ids under another seed, and none at rate 0
    assertThat(denied).isBetween(1_800L, 2_200L).isEqualTo(again);
    var other = plan.withSeed(4);
    assertThat(LongStream.range(0, 100_000).filter(id -> plan.deniesFirstRequest(id) != other.deniesFirstRequest(id)))
        .hasSizeGreaterThan(1_000);
    assertThat(LongStream.range(0, 10_000).filter(FaultPlan.none()::deniesFirstRequest)).isEmpty();
  }

  @Test
  void withEveryKind_shouldSpreadTheRateOverEveryPerRequestKind() {
    var plan = FaultPlan.none().withEveryKind(0.3);

    assertThat(plan.totalRate()).isCloseTo(0.3, within(1e-12));
    for (double rate : List.of(plan.tooManyRequestsRate(), plan.internalErrorRate(), plan.unavailableRate(),
        plan.slowRate(), plan.truncateRate(), plan.dropRate())) {
      assertThat(rate).isCloseTo(0.05, within(1e-12));
    }
    assertThat(plan.denyRate()).isZero();
  }

  @Test
  void item_shouldAnswer401ThenTheItem_whenItsFirstRequestIsDenied() throws Exception {
    // GIVEN every item denied once
    var items = TestItems.smallSite();
    var plan = FaultPlan.none().withDenyRate(1.0);
    try (var server = HnReplicaServer.start(items, ReplicaOptions.defaults().withFaults(plan))) {
      var http = new ReplicaHttp(server.baseUrl());
      long id = items.getFirst().id();

      // WHEN the same item is asked three times, and an id that does not exist twice
      var first = http.get("/item/" + id + ".json");
      var second = http.get("/item/" + id + ".json");
      var third = http.get("/item/" + id + ".json");
      var missing = http.get("/item/999999.json");

      // THEN the live API's denial once, then the item; ids without an item are never denied
      assertThat(first.statusCode()).isEqualTo(401);
      assertThat(first.body()).isEqualTo("{\"error\":\"Permission denied\"}");
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.body()).contains("\"id\":" + id);
      assertThat(third.body()).isEqualTo(second.body());
      assertThat(missing.statusCode()).isEqualTo(200);
      assertThat(missing.body()).isEqualTo("null");
      assertThat(server.stats().faults(FaultKind.DENIED)).isEqualTo(1);
    }
  }

  @Test
  void items_shouldBeDeniedNearTheRate_withPerRequestFaultsOnTop() throws Exception {
    // GIVEN 2% denials on top of 30% faults of every kind, over 600 items
    var items = new ArrayList<HnItem>();
    for (long id = 1; id <= 600; id++) {
      items.add(TestItems.comment(id, 1_000 + id, 1, List.of()));
    }
    var plan = FaultPlan.none().withSeed(9).withEveryKind(0.3).withDenyRate(0.02)
        .withSlow(0.05, Duration.ofMillis(1));
    try (var server = HnReplicaServer.start(items, ReplicaOptions.defaults().withFaults(plan))) {
      var http = new ReplicaHttp(server.baseUrl());

      // WHEN each item is asked for once
      for (var item : items) {
        try {
          http.get("/item/" + item.id() + ".json");
        } catch (IOException e) {
          // dropped or truncated: counted by the server all the same
        }
      }

      // THEN the denials are the plan's ids, and every kind of fault happened
      long planned = items.stream().filter(item -> plan.deniesFirstRequest(item.id())).count();
      var stats = server.stats();
      assertThat(planned).isPositive();
      assertThat(stats.faults(FaultKind.DENIED)).isEqualTo(planned);
      for (var kind : FaultKind.values()) {
        assertThat(stats.faults(kind)).as("faults of kind %s", kind).isPositive();
      }
    }
  }
}
