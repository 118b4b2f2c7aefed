package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.LinkedHashMap;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Builds the {@link SQSEvent} Lambda's SQS event source mapping hands a function for a received batch. */
public final class SqsEventTranslator {
  public static final String EVENT_SOURCE = "aws:sqs";

  private SqsEventTranslator() {}

  public static SQSEvent toEvent(List<Message> messages, String queueArn, String region) {
    var event = new SQSEvent();
    event.setRecords(messages.stream().map(message -> toRecord(message, queueArn, region)).toList());
    return event;
  }

  public static SQSEvent.SQSMessage toRecord(Message message, String queueArn, String region) {
    var record = new SQSEvent.SQSMessage();
    record.setMessageId(message.messageId());
    record.setReceiptHandle(message.receiptHandle());
    record.setBody(message.body());
    record.setMd5OfBody(message.md5OfBody());
    record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
    record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
    var attributes = new LinkedHashMap<String, SQSEvent.MessageAttribute>();
    message.messageAttributes().forEach((name, value) -> attributes.put(name, toAttribute(value)));
    record.setMessageAttributes(attributes);
    record.setEventSource(EVENT_SOURCE);
    record.setEventSourceArn(queueArn);
    record.setAwsRegion(region);
    return record;
  }

  private static SQSEvent.MessageAttribute toAttribute(MessageAttributeValue value) {
    var attribute = new SQSEvent.MessageAttribute();
    attribute.setDataType(value.dataType());
    attribute.setStringValue(value.stringValue());
    attribute.setBinaryValue(value.binaryValue() == null ? null : value.binaryValue().asByteBuffer());
    // Lambda sends empty lists, never nulls, for the list members.
    attribute.setStringListValues(List.copyOf(value.stringListValues()));
    attribute.setBinaryListValues(value.binaryListValues().stream().map(SdkBytes::asByteBuffer).toList());
    return attribute;
  }
}
