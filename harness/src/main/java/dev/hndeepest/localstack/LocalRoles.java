package dev.hndeepest.localstack;

import com.fasterxml.jackson.databind.JsonNode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hndeepest.json.Json;
import dev.hndeepest.localstack.template.FunctionDefinition;
import dev.hndeepest.localstack.template.UnsupportedTemplateException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Each function's execution role from the template, in the emulator, and the temporary
 * credentials Lambda would give the function by assuming it.
 *
 * <p>The role keeps the template's inline policies with their actions exactly. moto authorises a
 * call against its resource only for SQS (the queue's ARN); for every other service it checks
 * {@code Resource: "*"}, so those statements are widened to {@code "*"} here, and their scoping
 * to the table's ARN stays checked statically in infra/tests. The trust policy is the harness's:
 * the role trusts the emulator's administrator, who stands in for {@code lambda.amazonaws.com}.
 */
final class LocalRoles implements AutoCloseable {
  /** Services whose calls moto authorises against the resource's ARN rather than "*". */
  private static final List<String> RESOURCE_SCOPED_IN_MOTO = List.of("sqs");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final LocalResources resources;
  private final IamClient iam;
  private final StsClient sts;

  LocalRoles(LocalResources resources, EmulatorAccess emulator) {
    this.resources = resources;
    var administrator = StaticCredentialsProvider.create(emulator.administrator());
    this.iam = IamClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
        .endpointOverride(emulator.endpoint()).region(Region.US_EAST_1).credentialsProvider(administrator).build();
    this.sts = StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
        .endpointOverride(emulator.endpoint()).region(Region.of(LocalResources.REGION))
        .credentialsProvider(administrator).build();
  }

  /** Creates (or updates) the function's role and assumes it, as Lambda does before the function's init. */
  AwsCredentials credentialsOf(FunctionDefinition function) {
    var roleId = function.roleLogicalId();
    var role = resources.template().resource(roleId)
        .filter(r -> r.path("Type").asText().equals("AWS::IAM::Role"))
        .orElseThrow(() -> new UnsupportedTemplateException(function.logicalId() + ": its Role " + roleId
            + " is no AWS::IAM::Role of the template"));
    var properties = role.path("Properties");
    if (properties.has("ManagedPolicyArns") || properties.has("PermissionsBoundary")) {
      throw new UnsupportedTemplateException(roleId + ": the local stack reproduces inline Policies only");
    }
    var roleName = resources.physicalName(roleId);
    ensureRole(roleName);
    for (var policy : properties.path("Policies")) {
      var document = forEmulator(resources.intrinsics().resolve(policy.path("PolicyDocument")));
      iam.putRolePolicy(request -> request.roleName(roleName)
          .policyName(resources.intrinsics().text(policy.path("PolicyName")))
          .policyDocument(Json.write(document)));
    }
    var assumed = sts.assumeRole(request -> request
        .roleArn(resources.attribute(roleId, "Arn"))
        .roleSessionName(resources.physicalName(function.logicalId()))).credentials();
    return AwsSessionCredentials.create(assumed.accessKeyId(), assumed.secretAccessKey(), assumed.sessionToken());
  }

  private void ensureRole(String roleName) {
    var trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
        + EmulatorAdministrator.arn() + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    try {
      iam.getRole(request -> request.roleName(roleName));
      iam.updateAssumeRolePolicy(request -> request.roleName(roleName).policyDocument(trust));
    } catch (NoSuchEntityException absent) {
      try {
        iam.createRole(request -> request.roleName(roleName).assumeRolePolicyDocument(trust));
      } catch (EntityAlreadyExistsException createdMeanwhile) {
        // Another stack on this emulator made it first: the policies below are put either way.
      }
    }
  }

  /** The resolved policy with each statement's resources widened to "*" unless moto scopes that service. */
  static JsonNode forEmulator(JsonNode document) {
    var copy = (ObjectNode) document.deepCopy();
    var statements = copy.path("Statement");
    var list = new ArrayList<JsonNode>();
    if (statements.isArray()) {
      statements.forEach(list::add);
    } else {
      list.add(statements);
    }
    for (var statement : list) {
      var actions = statement.path("Action");
      boolean scoped = true;
      for (var action : actions.isArray() ? actions : NODES.arrayNode().add(actions)) {
        scoped &= RESOURCE_SCOPED_IN_MOTO.contains(action.asText().split(":", 2)[0]);
      }
      if (!scoped && statement.has("Resource")) {
        ((ObjectNode) statement).put("Resource", "*");
      }
    }
    return copy;
  }

  @Override
  public void close() {
    iam.close();
    sts.close();
  }
}
