package dev.hndeepest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.depth.Post;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkMessageCodecTest {
  private static final String JOB = "3f1c2b9e-8d4a-4f6b-9c2d-1a2b3c4d5e6f";
  private static final JobId JOB_ID = new JobId(JOB);

  @Test
  void encodeDecode_shouldRoundTrip_whenMeasureMessage() {
    var message = new WorkMessage.MeasurePosts(JOB_ID, 3,
        List.of(new Post(41, "story", "Title", null, "pg", 1718000000L, List.of(42L, 43L))));

    var body = WorkMessageCodec.encode(message);

    assertThat(body).contains("\"kind\":\"measure\"").contains("\"jobId\":\"" + JOB + "\"");
    assertThat(WorkMessageCodec.decode(body)).isEqualTo(message);
  }

  @Test
  void encodeDecode_shouldRoundTrip_whenIdRangeMessage() {
    var message = new WorkMessage.MeasureIdRange(JOB_ID, 7, 44_000_000, 44_002_500);

    var body = WorkMessageCodec.encode(message);

    assertThat(body).contains("\"kind\":\"measure-ids\"");
    assertThat(WorkMessageCodec.decode(body)).isEqualTo(message);
  }

  @Test
  void decode_shouldReadDiscovery_whenKindIsDiscover() {
    assertThat(WorkMessageCodec.decode("{\"kind\":\"discover\",\"jobId\":\"" + JOB + "\"}"))
        .isEqualTo(new WorkMessage.DiscoverPosts(JOB_ID));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{}", "{\"kind\":\"explode\",\"jobId\":\"" + JOB + "\"}",
      "{\"kind\":\"discover\",\"jobId\":\"../../etc\"}", "{\"kind\":\"discover\"}", "[1,2]",
      "{\"kind\":\"measure-ids\",\"jobId\":\"" + JOB + "\",\"batch\":0,\"firstId\":9,\"endExclusive\":9}",
      "{\"kind\":\"measure-ids\",\"jobId\":\"" + JOB + "\",\"batch\":-1,\"firstId\":1,\"endExclusive\":9}"})
  void decode_shouldThrowMalformed_whenBodyIsNotAWorkMessage(String body) {
    assertThatThrownBy(() -> WorkMessageCodec.decode(body)).isInstanceOf(MalformedWorkMessageException.class);
  }
}
