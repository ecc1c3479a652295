"""What waits on the two dead-letter queues, shown masked, and replayed through the functions.

A message on the replies queue is an SNS notification the subscription could not deliver, or the
on-failure record of a reply the function could not process: an unrecorded STOP, perhaps. On the
sends queue it is a failed send of a batch (``{"failedSend": ...}``) or the on-failure record of an
asynchronous send. Each is replayed as the event its function takes, and deleted only when the
function then handled it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .phone_numbers import mask

RESOLVED_SEND_STATUSES = frozenset({"SENT", "OPTED_OUT", "SUPPRESSED"})
"""A replayed send that ends so is done; FAILED ones of a batch are kept anew by the sender itself."""
LIST_VISIBILITY_SECONDS = 30
"""How long ``list`` hides what it has read, so each receive returns others, before it releases them all."""


class Function(StrEnum):
    REPLY = "reply"
    SEND = "send"


@dataclass(frozen=True)
class DeadLetter:
    """One message of a dead-letter queue, read without its text or full numbers."""

    message_id: str
    receipt_handle: str
    sent_at: str
    receive_count: int
    origin: str
    """subscription, on-failure or failed-send."""
    function: Function
    event: Mapping[str, Any]
    """The event to hand the function again."""
    summary: str
    """Masked: whom it concerns, never a message body."""
    error: str


def _masked(value: Any) -> str:
    return mask(value) if isinstance(value, str) and value.startswith("+") else str(value or "?")


def _reply_summary(notification: Mapping[str, Any]) -> str:
    try:
        message = json.loads(notification.get("Message", ""))
    except (TypeError, ValueError):
        return "reply (unreadable notification)"
    origination, destination = message.get("originationNumber"), message.get("destinationNumber")
    return f"reply from {_masked(origination)} to {_masked(destination)}"


def _send_summary(event: Mapping[str, Any]) -> str:
    if isinstance(event.get("messages"), list):
        return f"batch of {len(event['messages'])} sends"
    if isinstance(event.get("Records"), list):
        return f"{len(event['Records'])} queued send records"
    return (
        f"send to {_masked(event.get('DestinationPhoneNumber'))} "
        f"from {_masked(event.get('OriginationIdentity'))}"
    )


def _sns_event(notification: Mapping[str, Any]) -> dict[str, Any]:
    return {"Records": [{"EventSource": "aws:sns", "EventVersion": "1.0", "Sns": dict(notification)}]}


def read_dead_letter(message: Mapping[str, Any]) -> DeadLetter:
    """Recognize one received SQS message by its shape; raise ValueError for one of no known shape."""
    body = json.loads(message["Body"])
    attributes = message.get("Attributes", {})
    common = {
        "message_id": message["MessageId"],
        "receipt_handle": message["ReceiptHandle"],
        "sent_at": attributes.get("SentTimestamp", ""),
        "receive_count": int(attributes.get("ApproximateReceiveCount", 0)),
    }
    if "failedSend" in body:
        failed = body["failedSend"]
        event = failed["request"]
        error = f"{failed.get('errorCode', '?')}"
        return DeadLetter(
            **common, origin="failed-send", function=Function.SEND, event=event,
            summary=_send_summary(event), error=error,
        )  # fmt: skip
    if "requestPayload" in body:
        event = body["requestPayload"]
        response = body.get("responsePayload") or {}
        error = response.get("errorType") or body.get("requestContext", {}).get("condition", "?")
        records = event.get("Records") if isinstance(event, dict) else None
        if records and all("Sns" in record for record in records):
            summaries = [_reply_summary(record["Sns"]) for record in records]
            return DeadLetter(
                **common, origin="on-failure", function=Function.REPLY, event=event,
                summary="; ".join(summaries), error=error,
            )  # fmt: skip
        return DeadLetter(
            **common, origin="on-failure", function=Function.SEND, event=event,
            summary=_send_summary(event), error=error,
        )  # fmt: skip
    if body.get("Type") == "Notification" and "Message" in body:
        return DeadLetter(
            **common, origin="subscription", function=Function.REPLY, event=_sns_event(body),
            summary=_reply_summary(body), error="delivery to the reply function failed",
        )  # fmt: skip
    raise ValueError(f"message {message['MessageId']}: not a dead letter of this system")


class DeadLetterQueue:
    """One of the construct's dead-letter queues, through an injectable SQS client."""

    def __init__(self, queue_url: str, sqs: Any) -> None:
        self.queue_url = queue_url
        self._sqs = sqs

    def receive(self, visibility_seconds: int) -> Iterator[DeadLetter]:
        """Every message, 10 at a time, each hidden for ``visibility_seconds`` once read."""
        while True:
            messages = self._sqs.receive_message(
                QueueUrl=self.queue_url,
                MaxNumberOfMessages=10,
                VisibilityTimeout=visibility_seconds,
                AttributeNames=["SentTimestamp", "ApproximateReceiveCount"],
            ).get("Messages", [])
            if not messages:
                return
            for message in messages:
                yield read_dead_letter(message)

    def delete(self, letter: DeadLetter) -> None:
        self._sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=letter.receipt_handle)

    def release(self, letter: DeadLetter) -> None:
        """Make it visible again at once (a replay that did not succeed)."""
        self._sqs.change_message_visibility(
            QueueUrl=self.queue_url, ReceiptHandle=letter.receipt_handle, VisibilityTimeout=0
        )


class FunctionInvoker:
    """Hands a dead letter's event to its function, synchronously, and says whether it was handled."""

    def __init__(self, lambda_client: Any, function_name: Callable[[Function], str]) -> None:
        self._lambda = lambda_client
        self._function_name = function_name

    def __call__(self, letter: DeadLetter) -> str | None:
        """None when handled; otherwise why not (masked)."""
        response = self._lambda.invoke(
            FunctionName=self._function_name(letter.function),
            InvocationType="RequestResponse",
            Payload=json.dumps(letter.event).encode(),
        )
        payload = json.loads(response["Payload"].read() or b"null")
        if response.get("FunctionError"):
            return f"{(payload or {}).get('errorType', 'error')} again"
        if letter.function is Function.SEND:
            results = payload.get("results", [payload]) if isinstance(payload, dict) else []
            statuses = sorted({r.get("status", "?") for r in results} - RESOLVED_SEND_STATUSES - {"FAILED"})
            if statuses:
                return f"result {', '.join(statuses)}"
            if len(results) == 1 and results[0].get("status") == "FAILED":
                return "result FAILED"
        return None


@dataclass
class ReplayReport:
    replayed: int = 0
    kept: list[tuple[DeadLetter, str]] = field(default_factory=list)
    """Each message left on the queue, and why."""


def replay(
    queue: DeadLetterQueue,
    handle: Callable[[DeadLetter], str | None],
    visibility_seconds: int,
) -> ReplayReport:
    """Replay every message; delete each that ``handle`` handled, release the others."""
    report = ReplayReport()
    for letter in list(queue.receive(visibility_seconds)):
        reason = handle(letter)
        if reason is None:
            queue.delete(letter)
            report.replayed += 1
        else:
            queue.release(letter)
            report.kept.append((letter, reason))
    return report
