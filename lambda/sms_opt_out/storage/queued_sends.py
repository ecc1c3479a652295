"""Hands the requests a direct batch could not send in time to the send queue, which sends them."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sms_opt_out.storage.queue_messages import LazyQueue, put_messages

CONCURRENT_PUTS = 8
"""SendMessageBatch calls at once (botocore's client keeps 10 connections): a thousand deferred
requests take about 13 rounds of calls, so queuing fits in the deadline's one-second margin at
normal SQS latency (unmeasured on AWS)."""


class QueuedSends(LazyQueue):
    """The construct's send queue (``SEND_QUEUE_URL``): each request as it came, one per message; a
    batch that sends everything never makes its client."""

    def put(self, requests: Sequence[Mapping[str, Any]]) -> list[str | None]:
        """The queue's MessageId for each request, in order; None for one SQS refused."""
        bodies = [json.dumps(dict(r)) for r in requests]
        ids, _ = put_messages(self._client, self.queue_url, bodies, CONCURRENT_PUTS)
        return ids
