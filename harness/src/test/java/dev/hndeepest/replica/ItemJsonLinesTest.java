package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.hn.HnItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemJsonLinesTest {

  @Test
  void read_shouldParseTheLiveApiShapes_whenGivenRealLines(@TempDir Path dir) throws Exception {
    // GIVEN lines as the live API answers them: spaces, a dead post without title, a deleted stub
    Path file = dir.resolve("real.jsonl");
    Files.writeString(
        file,
        """
        {"id": 29, "type": "story", "by": "spez", "time": 1160494490, "score": 2, "kids": [30], "dead": true}

        {"id":26312518,"type":"comment","by":"other","parent":26312509,"time":1614667269,"text":"elsewhere"}
        {"id":40,"deleted":true,"type":"comment","time":1160500000,"parent":15,"kids":[41,39]}
        """);

    // WHEN read
    List<HnItem> items = ItemJsonLines.read(file);

    // THEN every field lands where it belongs; blank lines are skipped
    assertThat(items).hasSize(3);
    assertThat(items.get(0).isDead()).isTrue();
    assertThat(items.get(0).title()).isNull();
    assertThat(items.get(0).kids()).containsExactly(30L);
    assertThat(items.get(1).parent()).isEqualTo(26312509L);
    assertThat(items.get(2).isDeleted()).isTrue();
    assertThat(items.get(2).kids()).containsExactly(41L, 39L);
  }

  @Test
  void write_shouldOmitAbsentFieldsAndDerivedFlags_whenSerialising() {
    // GIVEN a deleted stub
    var stub =
        new HnItem(
            5,
            "comment",
            null,
            100,
            true,
            null,
            2L,
            List.of(9L, 7L),
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    // WHEN written
    String line = new String(ItemJsonLines.toBytes(List.of(stub)), StandardCharsets.UTF_8);

    // THEN only the API's fields appear, kids in their given order
    assertThat(line)
        .isEqualTo(
            """
            {"id":5,"type":"comment","time":100,"deleted":true,"parent":2,"kids":[9,7]}
            """);
  }

  @Test
  void write_shouldRoundTripAndSortById_whenTheFileIsGzip(@TempDir Path dir) throws Exception {
    // GIVEN items out of id order
    var items =
        List.of(
            TestItems.comment(3, 1100, 1, List.of()), TestItems.story(1, 1000, 5, List.of(3L), 1));
    Path file = dir.resolve("items.jsonl.gz");

    // WHEN written and read back
    ItemJsonLines.write(file, items);

    // THEN the file is gzip and holds them sorted by id
    byte[] raw = Files.readAllBytes(file);
    assertThat(raw[0] & 0xff).isEqualTo(0x1f);
    assertThat(raw[1] & 0xff).isEqualTo(0x8b);
    assertThat(ItemJsonLines.read(file)).containsExactly(items.get(1), items.get(0));
  }

  @Test
  void read_shouldNameTheLine_whenALineIsBroken(@TempDir Path dir) throws Exception {
    Path notJson = dir.resolve("broken.jsonl");
    Files.writeString(notJson, "{\"id\": 1}\n{\"id\": 2,\n");
    Path noId = dir.resolve("noid.jsonl");
    Files.writeString(noId, "{\"type\": \"story\"}\n");
    Path twice = dir.resolve("twice.jsonl");
    Files.writeString(twice, "{\"id\": 1}\n{\"id\": 1}\n");

    assertThatThrownBy(() -> ItemJsonLines.read(notJson))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> ItemJsonLines.read(noId))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("positive \"id\"");
    assertThatThrownBy(() -> ItemJsonLines.read(twice))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("appears twice");
  }
}
