"""The send function's event shapes in, and its answers out.

- one SendTextMessage request: its result; FAILED or DEFERRED raise, so Lambda's retries and
  on-failure destination take it (nothing was sent); a DEFERRED of the send rules names its
  ``notBefore``; CAPPED is returned; UNKNOWN raises SendOutcomeUnknownError (it may have been sent;
  its key keeps every retry from sending it);
- ``{"messages": [request, ...]}``: ``{"results": [...]}`` in the same order; what was not sent in
  time is on the send queue (QUEUED);
- an SQS event (the send queue, one request as JSON per message body):
  ``{"batchItemFailures": [{"itemIdentifier": messageId}, ...]}`` naming the messages to deliver
  again (DEFERRED, throttled, an unkeyed 5xx), and only those; a held one comes back at its
  ``notBefore`` (``held_messages``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sms_opt_out.contract import SQS_EVENT_SOURCE
from sms_opt_out.errors import InvalidRequestError, SendFailedError, SendOutcomeUnknownError
from sms_opt_out.send.service import Redelivery, SendOutcome


@dataclass(frozen=True)
class SendEvent:
    """The requests of one invocation, and how its answer is shaped."""

    requests: list[Any]
    redelivery: Redelivery
    message_ids: tuple[str, ...] = ()
    """SQS only: the messageId of each request's record."""
    records: tuple[Mapping[str, Any], ...] = ()
    """SQS only: each request's record (its receipt handle and queue hold it until its window opens)."""

    @classmethod
    def parse(cls, event: Any) -> SendEvent:
        """Recognise the event's shape; raise InvalidRequestError naming the field at fault."""
        if isinstance(event, Mapping) and "messages" in event:
            messages = event["messages"]
            if not isinstance(messages, list):
                raise InvalidRequestError("messages", "must be a list of requests")
            return cls(messages, Redelivery.NONE)
        records = event.get("Records") if isinstance(event, Mapping) else None
        if isinstance(records, list) and records and all(_is_sqs(r) for r in records):
            return cls(
                [_body(record) for record in records],
                Redelivery.PER_MESSAGE,
                tuple(record["messageId"] for record in records),
                tuple(records),
            )
        return cls([event], Redelivery.INVOCATION)

    def answer(self, outcome: SendOutcome) -> dict[str, Any]:
        """The function's return value for ``outcome``."""
        if self.redelivery is Redelivery.PER_MESSAGE:
            return {"batchItemFailures": [{"itemIdentifier": self.message_ids[i]} for i in outcome.retry]}
        if self.redelivery is Redelivery.NONE:
            return {"results": outcome.results}
        (result,) = outcome.results
        if result["status"] == "FAILED":
            raise SendFailedError(f"SendTextMessage failed: {result['code']}", result["code"])
        if result["status"] == "UNKNOWN":
            raise SendOutcomeUnknownError(
                f"SendTextMessage outcome unknown: UNKNOWN ({result['code']}): may have been sent; "
                "look before you resend",
                result["code"],
            )
        if result["status"] == "DEFERRED" and "notBefore" in result:
            raise SendFailedError(
                f"SendTextMessage not attempted: DEFERRED ({result['reason']}) until {result['notBefore']}"
            )
        if result["status"] == "DEFERRED":
            raise SendFailedError("SendTextMessage not attempted in time: DEFERRED (safe to send again)")
        return result


def _is_sqs(record: Any) -> bool:
    return (
        isinstance(record, Mapping)
        and record.get("eventSource") == SQS_EVENT_SOURCE
        and "messageId" in record
    )


def _body(record: Mapping[str, Any]) -> Any:
    """The request a record carries; a body that is not JSON stays text (the sender answers INVALID)."""
    body = record.get("body", "")
    try:
        return json.loads(body)
    except (TypeError, json.JSONDecodeError):
        return body
