"""Puts message bodies on an SQS queue, ten to a SendMessageBatch, and says which SQS took."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any

SEND_MESSAGE_BATCH_LIMIT = 10


class LazyQueue:
    """An SQS queue whose client is made on first use (``make_client``): an invocation that puts
    nothing on it never pays for the client."""

    def __init__(self, queue_url: str, make_client: Callable[[], Any]) -> None:
        self.queue_url = queue_url
        self._make_client = make_client

    @cached_property
    def _client(self) -> Any:
        return self._make_client()


def put_messages(
    client: Any, queue_url: str, bodies: Sequence[str], concurrency: int = 1
) -> tuple[list[str | None], list[str]]:
    """The MessageId of each body, in order (None for a body SQS refused: the rest are put), and
    the error codes of the refusals. ``concurrency`` SendMessageBatch calls run at once."""
    starts = range(0, len(bodies), SEND_MESSAGE_BATCH_LIMIT)

    def put_chunk(start: int) -> dict[str, Any]:
        chunk = bodies[start : start + SEND_MESSAGE_BATCH_LIMIT]
        return dict(
            client.send_message_batch(
                QueueUrl=queue_url,
                Entries=[
                    {"Id": str(start + offset), "MessageBody": body} for offset, body in enumerate(chunk)
                ],
            )
        )

    if concurrency > 1 and len(starts) > 1:
        from concurrent.futures import ThreadPoolExecutor  # not on the cold start: few batches need it

        with ThreadPoolExecutor(min(concurrency, len(starts))) as pool:
            responses = list(pool.map(put_chunk, starts))
    else:
        responses = [put_chunk(start) for start in starts]
    ids: list[str | None] = [None] * len(bodies)
    refusals: list[str] = []
    for response in responses:
        for entry in response.get("Successful", []):
            ids[int(entry["Id"])] = entry["MessageId"]
        refusals.extend(entry.get("Code", "?") for entry in response.get("Failed", []))
    return ids, refusals
