package dev.hndeepest.localstack;

// Starts real moto_server processes (MotoServer, from the project venv) and stops them again.

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MotoServerIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void start_shouldServeMotoOnLoopback_whenVenvIsThere() throws Exception {
    // WHEN
    try (var moto = MotoServer.start()) {
      // THEN
      assertThat(moto.startedHere()).isTrue();
      assertThat(moto.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(moto.logFile()).isPresent();
      var response = HTTP.send(HttpRequest.newBuilder(moto.endpoint().resolve("/moto-api/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void close_shouldStopTheProcess_whenStartedHere() {
    // GIVEN
    var moto = MotoServer.start();
    var endpoint = moto.endpoint();

    // WHEN
    moto.close();

    // THEN nothing listens on its port any more (within a generous bound)
    MotoFixture.await("the port to be released", Duration.ofSeconds(10), () -> !listening(endpoint));
    assertThat(moto.logFile()).hasValueSatisfying(log -> assertThat(log).doesNotExist());
  }

  @Test
  void reuse_shouldStartNothing_whenEndpointAnswers() {
    try (var owner = MotoServer.start()) {
      // WHEN
      try (var reused = MotoServer.reuse(owner.endpoint())) {
        // THEN
        assertThat(reused.startedHere()).isFalse();
        assertThat(reused.endpoint()).isEqualTo(owner.endpoint());
      }
      // AND closing the reuse leaves the owner's server running
      assertThat(listening(owner.endpoint())).isTrue();
    }
  }

  @Test
  void reuse_shouldFailClearly_whenNothingListens() throws IOException {
    // GIVEN a port that was free a moment ago
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    var endpoint = URI.create("http://127.0.0.1:" + port);

    // WHEN / THEN
    assertThatThrownBy(() -> MotoServer.reuse(endpoint))
        .isInstanceOf(EmulatorUnavailableException.class)
        .hasMessageContaining(endpoint.toString())
        .hasMessageContaining("does not answer");
  }

  private static boolean listening(URI endpoint) {
    try {
      new Socket(endpoint.getHost(), endpoint.getPort()).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
