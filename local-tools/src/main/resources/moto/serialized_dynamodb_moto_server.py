"""moto_server for the local stack, with DynamoDB requests handled one at a time.

moto (5.x) runs each request on its own thread without locking its DynamoDB backend.
TransactWriteItems first copies the whole table and, when a condition fails, puts that copy back:
every write other threads made meanwhile is silently lost. Real DynamoDB isolates transactions.
The job stack counts each batch with a conditional transaction while redelivered duplicates race,
so here every DynamoDB request holds one lock; SQS, with its long polls, stays concurrent.

Usage: <venv>/bin/python serialized_dynamodb_moto_server.py [moto_server options]
"""
import sys
import threading

from moto.dynamodb.responses import DynamoHandler
from moto.server import main

_one_at_a_time = threading.Lock()
_call_action = DynamoHandler.call_action


def _serialized_call_action(self):
    with _one_at_a_time:
        return _call_action(self)


DynamoHandler.call_action = _serialized_call_action

if __name__ == "__main__":
    main(sys.argv[1:])
