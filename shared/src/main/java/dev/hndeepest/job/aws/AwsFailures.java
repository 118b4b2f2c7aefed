package dev.hndeepest.job.aws;

import dev.hndeepest.job.BackendException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Turns the AWS SDK's failures into the job ports' own ({@link BackendException}), for both adapters. */
public final class AwsFailures {
  private AwsFailures() {}

  /** Runs one adapter operation; an SDK failure leaves it as a {@link BackendException} with the SDK's message. */
  public static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkClientException e) {
      throw new BackendException.Unavailable(e.getMessage(), e);
    } catch (ResourceNotFoundException | QueueDoesNotExistException e) {
      throw new BackendException.MissingResource(e.getMessage(), e);
    } catch (AwsServiceException e) {
      if (e.isThrottlingException() || e.statusCode() >= 500) {
        throw new BackendException.Unavailable(e.getMessage(), e);
      }
      throw new BackendException.Refused(e.getMessage(), e);
    }
  }

  /** {@link #call(Supplier)} for an operation without a result. */
  public static void run(Runnable call) {
    call(() -> {
      call.run();
      return null;
    });
  }
}
