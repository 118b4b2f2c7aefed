package dev.hndeepest.hn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class HnItemJsonTest {
  @Test
  void write_shouldKeepApiFieldsOnly_whenItemIsDeletedAndDead() {
    var item = new HnItem(7, "comment", null, 1_700_000_000L, true, true, 3L, List.of(8L, 9L), null, null, null,
        null, null, null, null);

    var json = Json.read(Json.write(item), JsonNode.class);

    assertThat(json.get("deleted").asBoolean()).isTrue();
    assertThat(json.get("dead").asBoolean()).isTrue();
    assertThat(json.has("visible")).isFalse();
    assertThat(json.has("post")).isFalse();
    assertThat(json.has("kidIds")).isFalse();
    assertThat(Json.read(Json.write(item), HnItem.class)).isEqualTo(item);
  }

  @Test
  void read_shouldTreatAbsentFlagsAsFalse_whenApiOmitsThem() {
    var item = Json.read("{\"id\":1,\"type\":\"story\",\"time\":5,\"kids\":[2]}", HnItem.class);

    assertThat(item.isDeleted()).isFalse();
    assertThat(item.isVisible()).isTrue();
    assertThat(item.kidIds()).containsExactly(2L);
  }
}
