"""The statuses a send request can end with (the ``status`` of each result)."""

from __future__ import annotations

import enum


class SendStatus(enum.StrEnum):
    SENT = "SENT"
    """Sent: the result has SendTextMessage's ``messageId``."""
    OPTED_OUT = "OPTED_OUT"
    """The recipient opted out: nothing sent."""
    INVALID = "INVALID"
    """The request (or its idempotency key) names a field at fault: nothing sent."""
    DEFERRED = "DEFERRED"
    """Not sent, safe to send again."""
    FAILED = "FAILED"
    """SendTextMessage (or the origination lookup) refused it: nothing sent."""
    UNKNOWN = "UNKNOWN"
    """May have been sent (a 5xx or a lost answer to a keyed request): look before you resend."""
    QUEUED = "QUEUED"
    """Not sent in this invocation: put on the send queue, which sends it (``queueMessageId``)."""
