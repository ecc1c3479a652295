"""Keeps the requests that could not be sent (refused, or invalid off the send queue) for an operator."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .errors import SendFailedError

SEND_MESSAGE_BATCH_LIMIT = 10


@dataclass(frozen=True)
class FailedSend:
    """One request of a batch that SendTextMessage refused, and why."""

    request: Any
    """The request as it came (an object, or what an SQS body held when it was not one)."""
    error_code: str
    error_message: str

    def message_body(self) -> str:
        return json.dumps(
            {
                "failedSend": {
                    "request": dict(self.request) if isinstance(self.request, Mapping) else self.request,
                    "errorCode": self.error_code,
                    "errorMessage": self.error_message,
                }
            }
        )


class FailedSendQueue:
    """An SQS queue (the construct's dead-letter queue) that keeps failed sends for an operator.

    ``make_client`` makes the SQS client on first use: a batch with no failure never pays for it.
    """

    def __init__(self, queue_url: str, make_client: Callable[[], Any]) -> None:
        self.queue_url = queue_url
        self._make_client = make_client

    @cached_property
    def _client(self) -> Any:
        return self._make_client()

    def keep(self, failures: Sequence[FailedSend]) -> None:
        """Put every failure on the queue (10 per SendMessageBatch); raise if one could not be put."""
        for start in range(0, len(failures), SEND_MESSAGE_BATCH_LIMIT):
            chunk = failures[start : start + SEND_MESSAGE_BATCH_LIMIT]
            response = self._client.send_message_batch(
                QueueUrl=self.queue_url,
                Entries=[
                    {"Id": str(start + offset), "MessageBody": failure.message_body()}
                    for offset, failure in enumerate(chunk)
                ],
            )
            if response.get("Failed"):
                codes = sorted({entry.get("Code", "?") for entry in response["Failed"]})
                raise SendFailedError(
                    f"{len(response['Failed'])} failed sends could not be kept on the dead-letter queue: "
                    f"{', '.join(codes)}"
                )
