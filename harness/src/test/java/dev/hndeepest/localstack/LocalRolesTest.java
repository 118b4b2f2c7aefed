package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.json.Json;
import org.junit.jupiter.api.Test;

class LocalRolesTest {

  @Test
  void forEmulator_shouldKeepActionsAndQueueArnsAndWidenWhatMotoChecksAgainstStar() {
    // GIVEN a resolved role policy as the template gives it
    var document = Json.read("""
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "StoreJob", "Effect": "Allow", "Action": ["dynamodb:PutItem", "dynamodb:GetItem"],
           "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/s-JobsTable"},
          {"Sid": "SendDiscovery", "Effect": "Allow", "Action": "sqs:SendMessage",
           "Resource": "arn:aws:sqs:us-east-1:123456789012:s-WorkQueue"},
          {"Sid": "WriteTraces", "Effect": "Allow", "Action": ["xray:PutTraceSegments"], "Resource": "*"}]}
        """, JsonNode.class);

    // WHEN
    var local = LocalRoles.forEmulator(document);

    // THEN the actions are the template's; the table's ARN becomes "*", the queue's stays
    var statements = local.get("Statement");
    assertThat(statements.get(0).get("Action")).isEqualTo(document.at("/Statement/0/Action"));
    assertThat(statements.get(0).get("Resource").asText()).isEqualTo("*");
    assertThat(statements.get(1).get("Resource").asText()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:s-WorkQueue");
    assertThat(statements.get(2).get("Resource").asText()).isEqualTo("*");
    assertThat(document.at("/Statement/0/Resource").asText()).endsWith("table/s-JobsTable");
  }
}
