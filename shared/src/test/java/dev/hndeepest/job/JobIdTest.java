package dev.hndeepest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.request.InvalidRequestException;
import dev.hndeepest.request.WindowRequestParser;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job id is the only key to a job's answer (anyone holding it may read the job), so it must be
 * unguessable: a version 4 UUID, whose 122 random bits come from the JDK's cryptographically
 * strong generator ({@link UUID#randomUUID()}, backed by SecureRandom).
 */
class JobIdTest {

  @Test
  void random_shouldBeVersion4Rfc4122UuidInLowerCase_always() {
    // WHEN
    var ids = IntStream.range(0, 10_000).mapToObj(i -> JobId.random().value()).toList();

    // THEN the canonical lower-case form of a random (version 4, IETF variant) UUID
    assertThat(ids).allSatisfy(id -> {
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      var uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(id);
    });
  }

  @Test
  void random_shouldNeverRepeat_overManyIds() {
    // WHEN
    var seen = new HashSet<String>();
    IntStream.range(0, 200_000).forEach(i -> seen.add(JobId.random().value()));

    // THEN (a collision among 200,000 122-bit ids has odds of about 4e-27)
    assertThat(seen).hasSize(200_000);
  }

  @Test
  void random_shouldSetEachRandomBitAboutHalfTheTime_soNoPartIsPredictable() {
    // GIVEN the 122 bits a version 4 UUID leaves random (all but 4 version and 2 variant bits)
    int samples = 20_000;
    var ones = new int[128];

    // WHEN counting how often each bit is set
    for (int i = 0; i < samples; i++) {
      var uuid = UUID.fromString(JobId.random().value());
      for (int bit = 0; bit < 64; bit++) {
        ones[bit] += (int) (uuid.getMostSignificantBits() >>> bit) & 1;
        ones[64 + bit] += (int) (uuid.getLeastSignificantBits() >>> bit) & 1;
      }
    }

    // THEN each random bit is a coin toss (a counter, a clock or a constant would be far off: the
    // bounds are 14 standard deviations wide), and the fixed bits are exactly what UUIDv4 says
    var fixed = List.of(12, 13, 14, 15, 64 + 62, 64 + 63);
    for (int bit = 0; bit < 128; bit++) {
      if (fixed.contains(bit)) {
        continue;
      }
      assertThat(ones[bit]).as("bit %d", bit).isBetween(samples * 45 / 100, samples * 55 / 100);
    }
    assertThat(ones[12]).isZero();
    assertThat(ones[13]).isZero();
    assertThat(ones[14]).isEqualTo(samples);
    assertThat(ones[15]).isZero();
    assertThat(ones[64 + 63]).isEqualTo(samples);
    assertThat(ones[64 + 62]).isZero();
  }

  @Test
  void submit_shouldGiveEveryJobAFreshRandomId_evenForTheSameQuestion() {
    // GIVEN the same question asked twice without an Idempotency-Key
    var submission = new JobSubmission(new InMemoryJobStore(), new RecordingWorkQueue(), Clock.systemUTC());
    var question = new WindowRequestParser(720).parse("24", "1718000000", Instant.now());

    // WHEN
    var first = submission.submit(question, Optional.empty()).job().id();
    var second = submission.submit(question, Optional.empty()).job().id();

    // THEN the ids share nothing derived from the question
    assertThat(first).isNotEqualTo(second);
    assertThat(UUID.fromString(first.value()).version()).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not-a-job", "0B7E6A52-1C3D-4E5F-8A9B-0C1D2E3F4A5B",
      "0b7e6a52-1c3d-1e5f-8a9b-0c1d2e3f4a5b", "0b7e6a52-1c3d-4e5f-7a9b-0c1d2e3f4a5b",
      "0b7e6a521c3d4e5f8a9b0c1d2e3f4a5b", "../../0b7e6a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b"})
  void new_shouldRejectAnythingButTheCanonicalForm(String value) {
    assertThatThrownBy(() -> new JobId(value)).isInstanceOf(InvalidRequestException.class);
  }
}
