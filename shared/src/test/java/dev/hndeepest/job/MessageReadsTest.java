package dev.hndeepest.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hndeepest.hn.FakeHnApi;
import dev.hndeepest.hn.HnItem;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MessageReadsTest {
  private static HnItem comment(long id) {
    return new HnItem(id, "comment", "u", 100 + id, null, null, 1L, null, null, null, "t", null, null, null, null);
  }

  @Test
  void items_shouldReachTheSharedClientsBatchFetch_andCountDistinctItems() {
    // GIVEN a delivery's client and one message's view of it
    var shared = FakeHnApi.of(LongStream.rangeClosed(1, 50).mapToObj(MessageReadsTest::comment).toList());
    var reads = new MessageReads(shared);

    // WHEN a scan chunk is read through the view, one id twice
    var answers = reads.items(List.of(1L, 2L, 3L, 3L, 4L));

    // THEN the shared client got the whole chunk as one batch (no thread per id here), and the view counts 4 items
    assertThat(answers).containsOnlyKeys(1L, 2L, 3L, 4L);
    assertThat(shared.batches()).isEqualTo(1);
    assertThat(reads.stats().itemsFetched()).isEqualTo(4);
    assertThat(reads.stats().requests()).isEqualTo(4);
  }
}
