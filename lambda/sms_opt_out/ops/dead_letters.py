"""What waits on the dead-letter queues, shown masked, and replayed through the functions.

A message on the replies queue is an SNS notification the subscription could not deliver, or the
on-failure record of a reply the function could not process: an unrecorded STOP, perhaps. On the
deliveries queue (when delivery events are on) it is a delivery event's notification or on-failure
record: an unrecorded ``TEXT_BLOCKED`` or ``TEXT_INVALID``, perhaps, which would suppress a number. On the
sends queue it is a send the sender kept (``{"failedSend": ...}``: refused, invalid off the send
queue, of unknown outcome, or not queued), the on-failure record of an asynchronous send, or a bare
request the send queue redrove after its last receive. On the confirmations queue it is a reply,
recorded and enforced, whose confirmation the confirmation queue redrove after its last receive
(``{"queuedReply": ...}``), replayed as that queue's record. Each is replayed as the event its function
takes, and deleted only when the function then handled it. A body of none of these shapes is listed
as unrecognised (never shown) and left where it is; it never stops the others. Every message
received and not deleted is made visible again before the tool is done, whatever happened.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from sms_opt_out.contract import SQS_EVENT_SOURCE
from sms_opt_out.domain.phone_numbers import mask
from sms_opt_out.errors import SmsOptOutError
from sms_opt_out.send.service import ALIASES
from sms_opt_out.storage.queued_confirmations import QUEUED_REPLY

logger = logging.getLogger(__name__)

RESOLVED_SEND_STATUSES = frozenset({"SENT", "OPTED_OUT", "QUEUED", "SUPPRESSED"})
"""A replayed send that ends so is done (a QUEUED one is on the send queue, which sends it)."""
KEPT_ANEW_STATUSES = frozenset({"FAILED", "UNKNOWN"})
"""What the sender itself keeps anew on the sends queue when a replayed batch ends so."""
UNRECOGNISED = "unrecognised"
_DESTINATION_FIELDS = (
    "DestinationPhoneNumber",
    *(a for a, n in ALIASES.items() if n == "DestinationPhoneNumber"),
)
LIST_VISIBILITY_SECONDS = 30
"""How long ``list`` hides what it has read, so each receive returns others, before it releases them all."""


class Function(StrEnum):
    REPLY = "reply"
    SEND = "send"
    DELIVERY = "delivery"


@dataclass(frozen=True)
class DeadLetter:
    """One message of a dead-letter queue, read without its text or full numbers."""

    message_id: str
    receipt_handle: str
    sent_at: str
    receive_count: int
    origin: str
    """subscription, on-failure, failed-send, send-queue (a redriven request), confirmation-queue (a
    redriven confirmation) or unrecognised."""
    function: Function | None
    """The function that takes it again; None for a body of no known shape, which is not replayed."""
    event: Any
    """The event to hand the function again."""
    summary: str
    """Masked: whom it concerns, never a message body."""
    error: str


def _masked(value: Any) -> str:
    return mask(value) if isinstance(value, str) and value.startswith("+") else str(value or "?")


def _notification_message(notification: Mapping[str, Any]) -> Any:
    try:
        return json.loads(notification.get("Message", ""))
    except (TypeError, ValueError):
        return None


def _is_delivery_event(notification: Mapping[str, Any]) -> bool:
    """A configuration set's event (``eventType``, ``messageId``), not an inbound reply."""
    message = _notification_message(notification)
    return isinstance(message, Mapping) and "eventType" in message and "messageId" in message


def _notification_summary(notification: Mapping[str, Any]) -> str:
    message = _notification_message(notification)
    if not isinstance(message, Mapping):
        return "notification (unreadable)"
    if _is_delivery_event(notification):
        return (
            f"delivery event {str(message.get('eventType'))[:40]} "
            f"to {_masked(message.get('destinationPhoneNumber'))}"
        )
    origination, destination = message.get("originationNumber"), message.get("destinationNumber")
    return f"reply from {_masked(origination)} to {_masked(destination)}"


def _notification_function(notifications: list[Mapping[str, Any]]) -> Function:
    """The delivery function for delivery events, else the reply function."""
    return Function.DELIVERY if all(_is_delivery_event(n) for n in notifications) else Function.REPLY


def _send_summary(event: Any) -> str:
    if not isinstance(event, Mapping):
        return "send request of no known shape"
    if isinstance(event.get("messages"), list):
        return f"batch of {len(event['messages'])} sends"
    if isinstance(event.get("Records"), list):
        return f"{len(event['Records'])} queued send records"
    destination = next((event[name] for name in _DESTINATION_FIELDS if name in event), None)
    origination = event.get("OriginationIdentity", event.get("OID"))
    return f"send to {_masked(destination)} from {_masked(origination)}"


def _is_send_request(body: Any) -> bool:
    """A bare send request, as the send queue holds it (and redrives it after its last receive)."""
    return isinstance(body, Mapping) and any(name in body for name in _DESTINATION_FIELDS)


def _sns_event(notification: Mapping[str, Any]) -> dict[str, Any]:
    return {"Records": [{"EventSource": "aws:sns", "EventVersion": "1.0", "Sns": dict(notification)}]}


def read_dead_letter(message: Mapping[str, Any]) -> DeadLetter:
    """Recognize one received SQS message by its shape; one of no known shape is ``unrecognised``."""
    attributes = message.get("Attributes", {})
    common = {
        "message_id": message["MessageId"],
        "receipt_handle": message["ReceiptHandle"],
        "sent_at": attributes.get("SentTimestamp", ""),
        "receive_count": int(attributes.get("ApproximateReceiveCount", 0)),
    }
    raw = message.get("Body", "")
    try:
        letter = _recognise(json.loads(raw), common)
    except (TypeError, ValueError, KeyError, AttributeError):
        letter = None
    if letter is not None:
        return letter
    return DeadLetter(
        **common, origin=UNRECOGNISED, function=None, event=None,
        summary=f"a body of no known shape ({len(raw)} characters, not shown)",
        error="not a dead letter of this system",
    )  # fmt: skip


def _recognise(body: Any, common: Mapping[str, Any]) -> DeadLetter | None:
    if not isinstance(body, Mapping):
        return None
    if isinstance(body.get("failedSend"), Mapping) and _is_send_request(body["failedSend"].get("request")):
        failed = body["failedSend"]
        event = failed["request"]
        status = failed.get("status", "FAILED")
        error = f"{failed.get('errorCode', '?')}" + ("" if status == "FAILED" else f" ({status})")
        return DeadLetter(
            **common, origin="failed-send", function=Function.SEND, event=event,
            summary=_send_summary(event), error=error,
        )  # fmt: skip
    if isinstance(body.get("requestPayload"), Mapping):
        event = body["requestPayload"]
        response = body.get("responsePayload")
        error = (response.get("errorType") if isinstance(response, Mapping) else None) or (
            body.get("requestContext") or {}
        ).get("condition", "?")
        records = event.get("Records")
        if (
            isinstance(records, list)
            and records
            and all(isinstance(r, Mapping) and "Sns" in r for r in records)
        ):
            notifications = [record["Sns"] for record in records]
            summaries = [_notification_summary(notification) for notification in notifications]
            return DeadLetter(
                **common, origin="on-failure", function=_notification_function(notifications), event=event,
                summary="; ".join(summaries), error=error,
            )  # fmt: skip
        return DeadLetter(
            **common, origin="on-failure", function=Function.SEND, event=event,
            summary=_send_summary(event), error=error,
        )  # fmt: skip
    if body.get("Type") == "Notification" and "Message" in body:
        function = _notification_function([body])
        return DeadLetter(
            **common, origin="subscription", function=function, event=_sns_event(body),
            summary=_notification_summary(body), error=f"delivery to the {function} function failed",
        )  # fmt: skip
    if isinstance(body.get(QUEUED_REPLY), Mapping):
        queued = body[QUEUED_REPLY]
        record = {
            "eventSource": SQS_EVENT_SOURCE,
            "messageId": common["message_id"],
            "body": json.dumps(body),
        }
        return DeadLetter(
            **common, origin="confirmation-queue", function=Function.REPLY, event={"Records": [record]},
            summary=f"confirmation to {_masked(queued.get('originationNumber'))} "
            f"from {_masked(queued.get('destinationNumber'))}",
            error="not confirmed after the confirmation queue's last receive",
        )  # fmt: skip
    if _is_send_request(body):
        return DeadLetter(
            **common, origin="send-queue", function=Function.SEND, event=dict(body),
            summary=_send_summary(body), error="not sent after the send queue's last receive",
        )  # fmt: skip
    return None


class DeadLetterQueue:
    """One of the construct's dead-letter queues, through an injectable SQS client."""

    def __init__(self, queue_url: str, sqs: Any) -> None:
        self.queue_url = queue_url
        self._sqs = sqs
        self._deleted: set[str] = set()
        """Receipt handles of the messages deleted: the others are released on leaving ``taken``."""

    @contextmanager
    def taken(self, visibility_seconds: int) -> Iterator[list[DeadLetter]]:
        """Every message, each hidden for ``visibility_seconds`` once read; on leaving, whatever
        happened (an error, an interrupt, while receiving too), each one not deleted is made
        visible again at once."""
        letters: list[DeadLetter] = []
        try:
            for letter in self.receive(visibility_seconds):
                letters.append(letter)
            yield letters
        finally:
            for letter in letters:
                if letter.receipt_handle in self._deleted:
                    continue
                try:
                    self.release(letter)
                except (BotoCoreError, ClientError) as error:
                    logger.error(
                        "message %s stays hidden until its visibility timeout: %s", letter.message_id, error
                    )

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
        self._deleted.add(letter.receipt_handle)

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
        if letter.function is None:
            return "not a dead letter of this system: not replayed"
        response = self._lambda.invoke(
            FunctionName=self._function_name(letter.function),
            InvocationType="RequestResponse",
            Payload=json.dumps(letter.event).encode(),
        )
        payload = json.loads(response["Payload"].read() or b"null")
        if response.get("FunctionError"):
            return f"{(payload or {}).get('errorType', 'error')} again"
        if isinstance(payload, Mapping) and payload.get("batchItemFailures"):
            return "not confirmed again"
        if letter.function is Function.SEND:
            results = payload.get("results", [payload]) if isinstance(payload, dict) else []
            statuses = {r.get("status", "?") for r in results if isinstance(r, Mapping)}
            if len(results) == 1 and statuses & KEPT_ANEW_STATUSES:
                return f"result {', '.join(sorted(statuses))}"
            if statuses - RESOLVED_SEND_STATUSES - KEPT_ANEW_STATUSES:
                return f"result {', '.join(sorted(statuses - RESOLVED_SEND_STATUSES - KEPT_ANEW_STATUSES))}"
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
    """Replay every message; delete each that ``handle`` handled; the others are visible again at
    the end, and so is every message not reached when something stops the replay."""
    report = ReplayReport()
    with queue.taken(visibility_seconds) as letters:
        for letter in letters:
            try:
                reason = handle(letter)
            except (BotoCoreError, ClientError, SmsOptOutError) as error:  # this one; the others go on
                code = error.response["Error"]["Code"] if isinstance(error, ClientError) else None
                reason = f"not replayed: {code or error}"
            if reason is None:
                queue.delete(letter)
                report.replayed += 1
            else:
                report.kept.append((letter, reason))
    return report
