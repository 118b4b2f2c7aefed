package dev.hndeepest.localstack;

// Starts real moto_server processes (MotoServer, from the project venv) and stops them again.

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.config.AwsClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

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
  void start_shouldKeepEveryWrite_whenFailingTransactionsRaceOtherWrites() throws Exception {
    // GIVEN a table big enough that moto's whole-table copy per transaction takes a while
    try (var moto = MotoServer.start();
        var dynamoDb = AwsClients.dynamoDb(moto.access().administratorSettings())) {
      dynamoDb.createTable(r -> r.tableName("race").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
          .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
      for (int chunk = 0; chunk < 20; chunk++) {
        int first = chunk * 25;
        dynamoDb.batchWriteItem(r -> r.requestItems(Map.of("race", IntStream.range(first, first + 25)
            .mapToObj(i -> WriteRequest.builder().putRequest(p -> p.item(Map.of(
                "pk", AttributeValue.fromS("pad-" + i), "text", AttributeValue.fromS("x".repeat(200))))).build())
            .toList())));
      }
      dynamoDb.putItem(r -> r.tableName("race").item(Map.of("pk", AttributeValue.fromS("taken"))));

      // WHEN writers add new items by transaction while others keep failing a transaction's condition
      var writes = 4 * 30;
      var runs = new ArrayList<Future<?>>();
      try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int writer = 0; writer < 4; writer++) {
          int w = writer;
          runs.add(threads.submit(() -> IntStream.range(0, 30)
              .forEach(i -> transactPutIfAbsent(dynamoDb, "new-" + w + "-" + i))));
          runs.add(threads.submit(() -> IntStream.range(0, 30).forEach(i -> assertThatThrownBy(
              () -> transactPutIfAbsent(dynamoDb, "taken")).isInstanceOf(TransactionCanceledException.class))));
        }
      }
      for (var run : runs) {
        run.get();
      }

      // THEN every successful write is still there (plain moto_server loses some: a failed
      // transaction puts back its copy of the whole table)
      int count = dynamoDb.scan(r -> r.tableName("race").select(Select.COUNT)).count();
      assertThat(count).isEqualTo(500 + 1 + writes);
    }
  }

  private static void transactPutIfAbsent(DynamoDbClient dynamoDb, String key) {
    dynamoDb.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().put(p -> p.tableName("race")
        .item(Map.of("pk", AttributeValue.fromS(key))).conditionExpression("attribute_not_exists(pk)")).build()));
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
