package dev.hndeepest.localstack.template;

/** What {@code Ref} and {@code Fn::GetAtt} of a resource give in one local deployment. */
public interface ResourceLookup {
  /** {@code Ref}: the table name, queue URL, function name ... as CloudFormation documents per type. */
  String ref(String logicalId);

  /** {@code Fn::GetAtt}: e.g. {@code Arn} or {@code QueueName}. */
  String attribute(String logicalId, String attribute);
}
