"""Keeps the requests that could not be sent (refused, or invalid off the send queue) for an operator."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sms_opt_out.errors import SendFailedError
from sms_opt_out.storage.queue_messages import LazyQueue, put_messages


@dataclass(frozen=True)
class FailedSend:
    """One request of a batch that was not sent (or may have been), and why."""

    request: Any
    """The request as it came (an object, or what an SQS body held when it was not one)."""
    error_code: str
    error_message: str
    status: str = "FAILED"
    """The request's result: FAILED, INVALID, UNKNOWN (may have been sent) or DEFERRED (not queued)."""

    def message_body(self) -> str:
        return json.dumps(
            {
                "failedSend": {
                    "request": dict(self.request) if isinstance(self.request, Mapping) else self.request,
                    "status": self.status,
                    "errorCode": self.error_code,
                    "errorMessage": self.error_message,
                }
            }
        )


class FailedSendQueue(LazyQueue):
    """An SQS queue (the construct's dead-letter queue) that keeps failed sends for an operator; a
    batch with no failure never makes its client."""

    def keep(self, failures: Sequence[FailedSend]) -> None:
        """Put every failure on the queue (10 per SendMessageBatch); raise if one could not be put."""
        _, refusals = put_messages(self._client, self.queue_url, [f.message_body() for f in failures])
        if refusals:
            raise SendFailedError(
                f"{len(refusals)} failed sends could not be kept on the dead-letter queue: "
                f"{', '.join(sorted(set(refusals)))}"
            )
