"""moto_server for the local stack: DynamoDB requests handled one at a time, and IAM checks that name
the actions AWS checks.

One at a time: moto (5.x) runs each request on its own thread without locking its DynamoDB backend.
TransactWriteItems first copies the whole table and, when a condition fails, puts that copy back:
every write other threads made meanwhile is silently lost. Real DynamoDB isolates transactions.
The job stack counts each batch with a conditional transaction while redelivered duplicates race,
so here every DynamoDB request holds one lock; SQS, with its long polls, stays concurrent.

IAM actions: with IAM enforced (INITIAL_NO_AUTH_ACTION_COUNT), moto checks "<service>:<operation>"
for every call. For a few operations AWS checks other actions (Service Authorization Reference;
DynamoDB guide "Using IAM with DynamoDB transactions"; SQS guide "Amazon SQS batch actions"):
TransactWriteItems needs the action of each of its items (PutItem, UpdateItem, DeleteItem,
ConditionCheckItem), TransactGetItems GetItem, and SQS's batch calls their single action. Here
moto checks exactly those, so a role holds what it holds on AWS and nothing moto-specific. A denial
of a JSON-protocol call is answered as AWS answers it (AccessDeniedException in JSON).

Usage: <venv>/bin/python serialized_dynamodb_moto_server.py [moto_server options]
"""
import sys
import threading

from moto.core.authorization import ActionAuthenticatorMixin
from moto.core.exceptions import AccessDeniedError, JsonRESTError
from moto.dynamodb.responses import DynamoHandler
from moto.server import main

_one_at_a_time = threading.Lock()
_call_action = DynamoHandler.call_action


def _serialized_call_action(self):
    with _one_at_a_time:
        return _call_action(self)


DynamoHandler.call_action = _serialized_call_action

_TRANSACT_WRITE_ITEM_ACTIONS = {"Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem",
                                "ConditionCheck": "ConditionCheckItem"}
_SQS_BATCH_ACTIONS = {"SendMessageBatch": "SendMessage", "DeleteMessageBatch": "DeleteMessage",
                      "ChangeMessageVisibilityBatch": "ChangeMessageVisibility"}
_authorize = ActionAuthenticatorMixin._authenticate_and_authorize_action


def _aws_actions(response):
    """The actions AWS authorises this request by, or None when it is the operation's own name."""
    operation = response._get_action()
    service = getattr(response, "service_name", None)
    if service == "dynamodb" and operation == "TransactWriteItems":
        items = getattr(response, "params", {}).get("TransactItems", [])
        return sorted({_TRANSACT_WRITE_ITEM_ACTIONS[kind] for item in items for kind in item
                       if kind in _TRANSACT_WRITE_ITEM_ACTIONS}) or ["PutItem"]
    if service == "dynamodb" and operation == "TransactGetItems":
        return ["GetItem"]
    if service == "sqs" and operation in _SQS_BATCH_ACTIONS:
        return [_SQS_BATCH_ACTIONS[operation]]
    return None


class _JsonAccessDenied(JsonRESTError):
    """A denial in the shape JSON-protocol services answer it (moto only writes the XML one)."""

    def __init__(self, message, status):
        super().__init__("AccessDeniedException", message)
        self.code = status


def _authorize_as_aws(self, iam_request_cls, resource="*"):
    actions = _aws_actions(self)
    try:
        if actions is None:
            return _authorize(self, iam_request_cls, resource)
        for action in actions:
            # The check reads the action from _get_action(); an instance attribute shadows the method.
            self._get_action = lambda name=action: name
            _authorize(self, iam_request_cls, resource)
    except AccessDeniedError as denied:
        # DynamoDB and SQS (JSON protocol) answer AccessDeniedException in JSON, with the message
        # naming the action; as XML the SDK could read neither.
        if "X-Amz-Target" in self.headers or "x-amz-target" in self.headers:
            service = getattr(self, "service_name", "")
            raise _JsonAccessDenied(denied.message, 400 if service == "dynamodb" else 403) from None
        raise
    finally:
        self.__dict__.pop("_get_action", None)


ActionAuthenticatorMixin._authenticate_and_authorize_action = _authorize_as_aws

if __name__ == "__main__":
    main(sys.argv[1:])
