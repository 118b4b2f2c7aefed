package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SqsEventTranslatorTest {
  private static final String ARN = "arn:aws:sqs:us-east-1:123456789012:work";

  @Test
  void toEvent_shouldFillRecordsLikeLambda_whenMessagesCarryAttributes() {
    // GIVEN a received message with system and message attributes
    var message = Message.builder()
        .messageId("m-1")
        .receiptHandle("rh-1")
        .body("{\"kind\":\"discovery\"}")
        .md5OfBody("md5-body")
        .md5OfMessageAttributes("md5-attrs")
        .attributes(Map.of(
            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2",
            MessageSystemAttributeName.SENT_TIMESTAMP, "1718000000000"))
        .messageAttributes(Map.of(
            "jobId", MessageAttributeValue.builder().dataType("String").stringValue("j-1").build(),
            "blob", MessageAttributeValue.builder().dataType("Binary")
                .binaryValue(SdkBytes.fromByteArray(new byte[] {7})).build()))
        .build();

    // WHEN
    var event = SqsEventTranslator.toEvent(List.of(message), ARN, "us-east-1");

    // THEN
    assertThat(event.getRecords()).hasSize(1);
    var record = event.getRecords().getFirst();
    assertThat(record.getMessageId()).isEqualTo("m-1");
    assertThat(record.getReceiptHandle()).isEqualTo("rh-1");
    assertThat(record.getBody()).isEqualTo("{\"kind\":\"discovery\"}");
    assertThat(record.getMd5OfBody()).isEqualTo("md5-body");
    assertThat(record.getMd5OfMessageAttributes()).isEqualTo("md5-attrs");
    assertThat(record.getEventSource()).isEqualTo("aws:sqs");
    assertThat(record.getEventSourceArn()).isEqualTo(ARN);
    assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
    assertThat(record.getAttributes())
        .containsEntry("ApproximateReceiveCount", "2")
        .containsEntry("SentTimestamp", "1718000000000");
    var jobId = record.getMessageAttributes().get("jobId");
    assertThat(jobId.getDataType()).isEqualTo("String");
    assertThat(jobId.getStringValue()).isEqualTo("j-1");
    assertThat(jobId.getStringListValues()).isEmpty();
    assertThat(record.getMessageAttributes().get("blob").getBinaryValue()).isEqualTo(ByteBuffer.wrap(new byte[] {7}));
  }

  @Test
  void toEvent_shouldGiveEmptyMaps_whenMessageHasNoAttributes() {
    // GIVEN
    var message = Message.builder().messageId("m-2").receiptHandle("rh").body("x").build();

    // WHEN
    var record = SqsEventTranslator.toRecord(message, ARN, "us-east-1");

    // THEN
    assertThat(record.getAttributes()).isEmpty();
    assertThat(record.getMessageAttributes()).isEmpty();
  }
}
