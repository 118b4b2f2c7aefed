package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandlerPoolTest {

  @Test
  void invoke_shouldReuseOneInstance_whenCallsAreSequential() {
    // GIVEN
    var pool = new HandlerPool<String, String>("f", () -> (event, context) -> event.toUpperCase());
    pool.warmUp();

    // WHEN
    var first = pool.invoke("a", LocalLambdaContext.forInvocation("f", Duration.ofSeconds(1)));
    var second = pool.invoke("b", LocalLambdaContext.forInvocation("f", Duration.ofSeconds(1)));

    // THEN
    assertThat(first + second).isEqualTo("AB");
    assertThat(pool.instancesCreated()).isEqualTo(1);
  }

  @Test
  void invoke_shouldBuildSecondInstance_whenFirstIsBusy() throws Exception {
    // GIVEN a handler that holds both calls until both are inside
    var bothInside = new CountDownLatch(2);
    RequestHandler<String, String> waiting = (event, context) -> {
      bothInside.countDown();
      try {
        return bothInside.await(5, TimeUnit.SECONDS) ? event : "alone";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    };
    var pool = new HandlerPool<String, String>("f", () -> waiting);

    // WHEN two events arrive at once
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var a = executor.submit(() -> pool.invoke("a", LocalLambdaContext.forInvocation("f", Duration.ofSeconds(5))));
      var b = executor.submit(() -> pool.invoke("b", LocalLambdaContext.forInvocation("f", Duration.ofSeconds(5))));

      // THEN they ran side by side on two instances
      assertThat(a.get(10, TimeUnit.SECONDS) + b.get(10, TimeUnit.SECONDS)).isEqualTo("ab");
    }
    assertThat(pool.instancesCreated()).isEqualTo(2);
  }

  @Test
  void warmUp_shouldFail_whenFactoryReturnsNull() {
    // GIVEN
    var pool = new HandlerPool<String, String>("broken", () -> null);

    // WHEN / THEN
    assertThatThrownBy(pool::warmUp).isInstanceOf(IllegalStateException.class).hasMessageContaining("broken");
  }
}
