"""Send-queue messages held until their window opens: their visibility is set to the wait.

A request of the send queue that the send rules hold (``DEFERRED`` with ``notBefore``) is handed
back to SQS (``batchItemFailures``) with its visibility timeout changed to the seconds until
``notBefore``, so SQS delivers it again when the window opens, not every few minutes. SQS allows at
most 12 hours from the receipt: a longer wait is held 12 hours less the longest invocation, and held
again when it comes back. A ``CAPPED`` request is final (counted, like an opted-out one) unless
``RETRY_CAPPED`` asks for it to come back when its next slot opens.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from sms_opt_out.send.service import SendOutcome

logger = logging.getLogger(__name__)

MAX_VISIBILITY_SECONDS = 12 * 3600
"""SQS's longest visibility timeout, counted from the message's receipt."""
LONGEST_INVOCATION_SECONDS = 15 * 60
"""Lambda's longest timeout: the receipt was at most this long before the change."""
BATCH_LIMIT = 10
"""Entries of one ChangeMessageVisibilityBatch."""


def hold_seconds(not_before: str, now: float) -> int:
    """The visibility timeout that brings a message back at ``not_before`` (ISO-8601), within SQS's limit."""
    wait = math.ceil(datetime.fromisoformat(not_before).timestamp() - now)
    return max(0, min(wait, MAX_VISIBILITY_SECONDS - LONGEST_INVOCATION_SECONDS))


def queue_url(arn: str) -> str:
    """``arn:aws:sqs:REGION:ACCOUNT:NAME`` to its queue URL."""
    _, partition, _, region, account, name = arn.split(":", 5)
    suffix = "amazonaws.com.cn" if partition == "aws-cn" else "amazonaws.com"
    return f"https://sqs.{region}.{suffix}/{account}/{name}"


class HeldMessages:
    """Changes the visibility of the held messages of one SQS batch."""

    def __init__(
        self,
        make_client: Callable[[], Any],
        retry_capped: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._make_client = make_client
        self._client: Any = None
        self._retry_capped = retry_capped
        self._clock = clock

    def hold(self, records: Sequence[Mapping[str, Any]], outcome: SendOutcome) -> None:
        """Hold every record ``outcome`` retries with a ``notBefore``; add CAPPED ones if asked."""
        if self._retry_capped:
            capped = [i for i, r in enumerate(outcome.results) if r["status"] == "CAPPED"]
            outcome.retry = sorted({*outcome.retry, *capped})
        now = self._clock()
        by_queue: dict[str, list[dict[str, Any]]] = {}
        for index in outcome.retry:
            not_before = outcome.results[index].get("notBefore")
            if not_before is None:
                continue
            record = records[index]
            by_queue.setdefault(record["eventSourceARN"], []).append(
                {
                    "Id": str(index),
                    "ReceiptHandle": record["receiptHandle"],
                    "VisibilityTimeout": hold_seconds(not_before, now),
                }
            )
        for arn, entries in by_queue.items():
            for start in range(0, len(entries), BATCH_LIMIT):
                self._change(queue_url(arn), entries[start : start + BATCH_LIMIT])

    def _change(self, url: str, entries: list[dict[str, Any]]) -> None:
        """A message not changed comes back after the queue's visibility timeout and is held then."""
        try:
            if self._client is None:
                self._client = self._make_client()
            response = self._client.change_message_visibility_batch(QueueUrl=url, Entries=entries)
            failed = response.get("Failed", [])
        except (BotoCoreError, ClientError) as error:
            logger.warning("held messages keep the queue's visibility timeout: %s", type(error).__name__)
            return
        if failed:
            logger.warning("%d held messages keep the queue's visibility timeout", len(failed))
