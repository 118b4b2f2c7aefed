package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.EnumMap;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

  @Test
  void decide_shouldNeverFault_whenPlanIsNone() {
    // GIVEN no faults WHEN 10,000 requests are decided THEN none faults
    FaultPlan plan = FaultPlan.none();
    for (long n = 0; n < 10_000; n++) {
      assertThat(plan.decide(n)).isEmpty();
    }
  }

  @Test
  void decide_shouldBeAFunctionOfSeedAndRequestNumber_whenAskedTwice() {
    // GIVEN two equal plans and one with another seed
    FaultPlan plan = FaultPlan.none().withSeed(5).withErrorRate(0.3).withDropRate(0.1);
    FaultPlan same = FaultPlan.none().withSeed(5).withErrorRate(0.3).withDropRate(0.1);
    FaultPlan other = plan.withSeed(6);

    // WHEN the same request numbers are decided
    int differences = 0;
    for (long n = 0; n < 1_000; n++) {
      assertThat(plan.decide(n)).isEqualTo(same.decide(n));
      differences += plan.decide(n).equals(other.decide(n)) ? 0 : 1;
    }

    // THEN equal plans agree and another seed gives another sequence
    assertThat(differences).isGreaterThan(100);
  }

  @Test
  void decide_shouldHitEachRate_whenManyRequestsAreDecided() {
    // GIVEN distinct rates per kind
    FaultPlan plan =
        FaultPlan.none()
            .withSeed(11)
            .withErrors(0.01, 0.02, 0.03)
            .withSlow(0.04, Duration.ofMillis(5))
            .withTruncateRate(0.05)
            .withDropRate(0.06);

    // WHEN 100,000 requests are decided
    var counts = new EnumMap<FaultKind, Integer>(FaultKind.class);
    for (long n = 0; n < 100_000; n++) {
      plan.decide(n).ifPresent(fault -> counts.merge(fault.kind(), 1, Integer::sum));
    }

    // THEN each kind is within 10% of its rate
    assertThat(counts.get(FaultKind.TOO_MANY_REQUESTS)).isBetween(900, 1_100);
    assertThat(counts.get(FaultKind.INTERNAL_ERROR)).isBetween(1_800, 2_200);
    assertThat(counts.get(FaultKind.UNAVAILABLE)).isBetween(2_700, 3_300);
    assertThat(counts.get(FaultKind.SLOW)).isBetween(3_600, 4_400);
    assertThat(counts.get(FaultKind.TRUNCATED)).isBetween(4_500, 5_500);
    assertThat(counts.get(FaultKind.DROPPED)).isBetween(5_400, 6_600);
  }

  @Test
  void decide_shouldAttachRetryAfterOnlyTo429And503_whenErrorsAreDecided() {
    // GIVEN errors only
    FaultPlan plan = FaultPlan.none().withSeed(3).withErrorRate(1.0);

    // WHEN many are decided THEN only 429 and 503 ever carry Retry-After, about half of them
    int withRetryAfter = 0;
    int retryable = 0;
    for (long n = 0; n < 3_000; n++) {
      var error = (Fault.ErrorStatus) plan.decide(n).orElseThrow();
      if (error.kind() == FaultKind.INTERNAL_ERROR) {
        assertThat(error.retryAfter()).isEmpty();
      } else {
        retryable++;
        withRetryAfter += error.retryAfter().isPresent() ? 1 : 0;
        error.retryAfter().ifPresent(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(1)));
      }
    }
    assertThat((double) withRetryAfter / retryable).isBetween(0.4, 0.6);
  }

  @Test
  void constructor_shouldRejectRates_whenOutOfRangeOrAboveOneInTotal() {
    assertThatThrownBy(() -> FaultPlan.none().withDropRate(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dropRate");
    assertThatThrownBy(() -> FaultPlan.none().withTruncateRate(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultPlan.none().withErrorRate(0.6).withDropRate(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add up to");
    assertThatThrownBy(() -> FaultPlan.none().withSlow(0.1, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withErrorRate_shouldSplitEvenly_whenGivenOneRate() {
    FaultPlan plan = FaultPlan.none().withErrorRate(0.3);
    assertThat(plan.tooManyRequestsRate()).isCloseTo(0.1, within(1e-12));
    assertThat(plan.internalErrorRate()).isCloseTo(0.1, within(1e-12));
    assertThat(plan.unavailableRate()).isCloseTo(0.1, within(1e-12));
    assertThat(plan.totalRate()).isCloseTo(0.3, within(1e-12));
  }
}
