package dev.hndeepest.job.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.job.BackendException;
import dev.hndeepest.job.Job;
import dev.hndeepest.job.JobId;
import dev.hndeepest.job.JobPlan;
import dev.hndeepest.job.WorkMessage;
import dev.hndeepest.job.dynamo.DynamoJobStore;
import dev.hndeepest.job.sqs.SqsWorkQueue;
import dev.hndeepest.request.WindowRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** The DynamoDB and SQS adapters hand their callers the ports' failures, never the SDK's. */
class PortFailureTranslationTest {
  private static final JobId JOB = new JobId("3f1c2b9e-8d4a-4f6b-9c2d-1a2b3c4d5e6f");

  /** What an SDK call can throw, and which port failure it must become. */
  enum SdkFailure {
    UNREACHABLE(() -> SdkClientException.create("Unable to execute HTTP request: Connection refused"),
        BackendException.Unavailable.class),
    THROTTLED(() -> service("ThrottlingException", 400), BackendException.Unavailable.class),
    SERVER_ERROR(() -> service("InternalServerError", 500), BackendException.Unavailable.class),
    TABLE_MISSING(() -> ResourceNotFoundException.builder().statusCode(400).message("Requested resource not found")
        .build(), BackendException.MissingResource.class),
    QUEUE_MISSING(() -> QueueDoesNotExistException.builder().statusCode(400)
        .message("The specified queue does not exist.").build(), BackendException.MissingResource.class),
    DENIED(() -> service("AccessDeniedException", 403), BackendException.Refused.class);

    final Supplier<RuntimeException> thrown;
    final Class<? extends BackendException> expected;

    SdkFailure(Supplier<RuntimeException> thrown, Class<? extends BackendException> expected) {
      this.thrown = thrown;
      this.expected = expected;
    }
  }

  private static AwsServiceException service(String code, int status) {
    return AwsServiceException.builder().statusCode(status).message(code + " happened")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build()).build();
  }

  private static DynamoJobStore storeFailingWith(SdkFailure failure) {
    var dynamoDb = new DynamoDbClient() {
      @Override
      public GetItemResponse getItem(GetItemRequest request) {
        throw failure.thrown.get();
      }

      @Override
      public UpdateItemResponse updateItem(UpdateItemRequest request) {
        throw failure.thrown.get();
      }

      @Override
      public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        throw failure.thrown.get();
      }

      @Override
      public String serviceName() {
        return "dynamodb";
      }

      @Override
      public void close() {}
    };
    return new DynamoJobStore(dynamoDb, "jobs", Duration.ofDays(7), Clock.systemUTC());
  }

  private static SqsWorkQueue queueFailingWith(SdkFailure failure) {
    var sqs = new SqsClient() {
      @Override
      public SendMessageResponse sendMessage(SendMessageRequest request) {
        throw failure.thrown.get();
      }

      @Override
      public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
        throw failure.thrown.get();
      }

      @Override
      public String serviceName() {
        return "sqs";
      }

      @Override
      public void close() {}
    };
    return new SqsWorkQueue(sqs, "https://sqs.local/000000000000/work");
  }

  @ParameterizedTest
  @EnumSource(SdkFailure.class)
  void jobStore_shouldThrowThePortsFailure_whenDynamoDbFails(SdkFailure failure) {
    var store = storeFailingWith(failure);
    var job = Job.submitted(JOB, new WindowRequest(24, 1_718_000_000L, true), Instant.now());

    assertThatThrownBy(() -> store.find(JOB)).isInstanceOf(failure.expected).hasCauseInstanceOf(failure.thrown.get().getClass());
    assertThatThrownBy(() -> store.create(job, Optional.empty())).isInstanceOf(failure.expected);
    assertThatThrownBy(() -> store.markRunning(JOB, JobPlan.ofPosts(1, 1, 0))).isInstanceOf(failure.expected);
    assertThatThrownBy(() -> store.fail(JOB, "why")).isInstanceOf(failure.expected);
  }

  @ParameterizedTest
  @EnumSource(SdkFailure.class)
  void workQueue_shouldThrowThePortsFailure_whenSqsFails(SdkFailure failure) {
    var queue = queueFailingWith(failure);

    assertThatThrownBy(() -> queue.send(new WorkMessage.DiscoverPosts(JOB)))
        .isInstanceOf(failure.expected).hasMessage(failure.thrown.get().getMessage());
    assertThatThrownBy(() -> queue.sendAll(List.of(new WorkMessage.MeasureIdRange(JOB, 0, 1, 2))))
        .isInstanceOf(failure.expected);
  }

  @Test
  void workQueue_shouldThrowUnavailable_whenSqsKeepsRefusingBatchEntries() {
    var sqs = new SqsClient() {
      @Override
      public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
        return SendMessageBatchResponse.builder().failed(request.entries().stream()
            .map(entry -> BatchResultErrorEntry.builder().id(entry.id()).code("InternalError").message("try again")
                .senderFault(false).build()).toList()).build();
      }

      @Override
      public String serviceName() {
        return "sqs";
      }

      @Override
      public void close() {}
    };
    var queue = new SqsWorkQueue(sqs, "https://sqs.local/000000000000/work");

    assertThatThrownBy(() -> queue.sendAll(List.of(new WorkMessage.MeasureIdRange(JOB, 0, 1, 2))))
        .isInstanceOf(BackendException.Unavailable.class).hasMessageContaining("SQS refused 1 work messages");
    assertThat(queue).isNotNull();
  }
}
