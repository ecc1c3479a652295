"""What the functions answer: each outcome of a reply and each status of a send result.

One enumeration each, so every value has a metric (``metrics``) and the README's tables can be
checked against them. Both are ``StrEnum``: a member is its string, in results, logs and JSON.
"""

from __future__ import annotations

import enum


class ReplyOutcome(enum.StrEnum):
    """What ``ReplyProcessor.process`` did with one inbound reply (the reply handler's ``outcomes``)."""

    OPT_OUT = "OPT_OUT"
    """An opt-out recorded, applied and confirmed."""
    OPT_IN = "OPT_IN"
    """An opt-in recorded, applied and confirmed."""
    HELP = "HELP"
    """HELP answered."""
    UNRECOGNISED = "UNRECOGNISED"
    """No keyword: kept for review, not answered."""
    AMBIGUOUS = "AMBIGUOUS"
    """A revocation word about something else (policy CONTEXTUAL): kept for review, clarified once."""
    ALREADY_OPTED_OUT = "ALREADY_OPTED_OUT"
    """An opt-out recorded, but the customer had been told they are opted out already: not answered."""
    SUPERSEDED = "SUPERSEDED"
    """Recorded, but a later event decides: not answered."""
    DUPLICATE = "DUPLICATE"
    """A repeated delivery of a reply handled already: nothing more done."""
    ON_AWS_OPT_OUT_LIST = "ON_AWS_OPT_OUT_LIST"
    """An opt-in recorded, not confirmed: AWS refused to take the number off an opt-out list."""
    OPT_OUT_UNANSWERED = "OPT_OUT_UNANSWERED"
    """An opt-out recorded; AWS refused its answer (the number is on the identity's opt-out list)."""
    OPT_IN_UNANSWERED = "OPT_IN_UNANSWERED"
    """An opt-in recorded; AWS refused its answer (the number is on the identity's opt-out list)."""
    HELP_UNANSWERED = "HELP_UNANSWERED"
    """HELP; AWS refused the answer (the number is on the identity's opt-out list)."""
    OPT_OUT_QUEUED = "OPT_OUT_QUEUED"
    """An opt-out recorded and applied; its number had no slot now, so its confirmation waits on the
    confirmation queue, which sends it at the number's shared rate (then CONFIRMED: OPT_OUT)."""
    OPT_IN_QUEUED = "OPT_IN_QUEUED"
    """An opt-in recorded and applied, its confirmation on the confirmation queue (as OPT_OUT_QUEUED)."""


class SendStatus(enum.StrEnum):
    """The ``status`` of each result of the guarded sender."""

    SENT = "SENT"
    OPTED_OUT = "OPTED_OUT"
    """The recipient opted out: nothing was sent."""
    INVALID = "INVALID"
    DEFERRED = "DEFERRED"
    """Not sent in this invocation's time: send it again."""
    FAILED = "FAILED"
    """SendTextMessage (or the origination lookup) refused it: nothing sent."""
    UNKNOWN = "UNKNOWN"
    """May have been sent (a 5xx or a lost answer to a keyed request): look before you resend."""
    QUEUED = "QUEUED"
    """Not sent in this invocation: put on the send queue, which sends it (``queueMessageId``)."""
    CAPPED = "CAPPED"
    """Not sent: the recipient's frequency cap is reached (``notBefore``: when the next may go)."""
    SUPPRESSED = "SUPPRESSED"
    """The carriers report the number invalid or blocked (``suppressions``): nothing was sent."""
