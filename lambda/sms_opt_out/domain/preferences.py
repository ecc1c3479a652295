"""Preference events (opt-out, opt-in) and the per-customer consent state derived from them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sms_opt_out.errors import InvalidFieldError


class Action(enum.StrEnum):
    OPT_OUT = "OPT_OUT"
    OPT_IN = "OPT_IN"


class Scope(enum.StrEnum):
    ORIGINATION = "ORIGINATION"
    """An opt-out blocks the number it was sent to (and is lifted by an opt-in to that number).

    The AWS sample's behaviour; it will not meet the FCC's revoke-all rule once that applies
    (2027-01-31), under which a revocation covers every unrelated text of the same sender.
    """
    ALL = "ALL"
    """The default: an opt-out to any of our numbers blocks every number sharing the table."""


MAX_AHEAD_OF_CLOCK = timedelta(seconds=60)
"""How far ahead of the recording clock an event time may be: clock skew, never a typo such as
2062, which would make the event the latest until then and outvote every later STOP."""


def event_time(value: str | datetime, field: str = "Timestamp", *, now: datetime | None = None) -> str:
    """Return ``value`` as UTC ISO-8601 with milliseconds, e.g. ``2025-04-11T09:30:00.000Z``.

    With ``now`` (the clock of whoever records the event), a time more than 60 seconds after it is
    refused. The CLI, the Python API and imports pass it; an SNS timestamp is AWS's own.
    """
    if not isinstance(value, str | datetime):
        raise InvalidFieldError(field, "must be an ISO-8601 time string")
    written = value
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise InvalidFieldError(field, f"{written!r} is not an ISO-8601 time") from None
    if value.tzinfo is None:
        raise InvalidFieldError(field, "the time must carry a time zone (for example Z for UTC)")
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        shown = written if isinstance(written, str) else written.isoformat()
        raise InvalidFieldError(field, f"{shown!r} is outside the years 1 to 9999 in UTC") from None
    text = utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if now is not None and utc > now + MAX_AHEAD_OF_CLOCK:
        recorded = now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        raise InvalidFieldError(
            field,
            f"{text} is in the future: more than {MAX_AHEAD_OF_CLOCK.seconds} s after now ({recorded}); "
            "give when the customer asked",
        )
    return text


@dataclass(frozen=True)
class PreferenceEvent:
    """One opt-out or opt-in, from any channel: the unit of the audit trail."""

    customer: str
    """The customer's number, E.164."""
    origination: str
    """Our number it applies to, or ``ALL_NUMBERS`` for every number."""
    timestamp: str
    """When the customer expressed it (UTC ISO-8601, milliseconds)."""
    action: Action
    keyword: str
    """The canonical keyword for SMS; for other channels, the action's name."""
    channel: str
    event_id: str
    """Unique per event: the inbound message ID for SMS."""
    inbound_message_id: str | None = None
    reference: str | None = None
    """Proof of consent for an opt-in from another channel, or a ticket or case number."""
    source: str | None = None
    matched_by: str | None = None
    """SMS evidence: how the reply matched (KEYWORD, WORD or PHRASE)."""
    language: str | None = None
    """SMS evidence: the language of the keyword that matched."""
    rule: str | None = None
    """SMS evidence: the classifier's rule that decided (``keyword``, ``en.wrong-number``, ...)."""
    reason: str | None = None
    """SMS evidence: why, in words."""
    policy: str | None = None
    """SMS evidence: the revocation policy in force (STRICT or CONTEXTUAL)."""
    reply_text: str | None = None
    """SMS evidence: the reply as received."""
    recorded_at: str | None = None
    """SMS evidence: when the reply was recorded (the processor's clock; ``timestamp`` is its receipt)."""
    number: str | None = None
    """The number a reply was sent to, when ``origination`` is its pool: the history shows both."""

    @property
    def history_sort_key(self) -> str:
        return f"{self.origination}#{self.timestamp}#{self.keyword}"

    def state_entry(self) -> dict[str, str]:
        """What the consent state keeps of this event."""
        entry = {"Action": self.action.value, "Timestamp": self.timestamp, "Channel": self.channel}
        entry |= {"Keyword": self.keyword, "EventId": self.event_id}
        return entry

    def history_item(self) -> dict[str, str]:
        """The audit-trail attributes (besides the keys); ``Response`` keeps the sample's queries working."""
        item = {"OID": self.origination, "Timestamp": self.timestamp, "Response": self.keyword}
        item |= {"Action": self.action.value, "Channel": self.channel, "EventId": self.event_id}
        optional = {
            "InboundMessageId": self.inbound_message_id,
            "Reference": self.reference,
            "Source": self.source,
            "MatchedBy": self.matched_by,
            "Language": self.language,
            "Rule": self.rule,
            "Reason": self.reason,
            "Policy": self.policy,
            "ReplyText": self.reply_text,
            "RecordedAt": self.recorded_at,
            "Number": self.number,
        }
        return item | {k: v for k, v in optional.items() if v is not None}


@dataclass(frozen=True)
class StateEntry:
    action: Action
    timestamp: str
    channel: str
    keyword: str
    event_id: str

    @classmethod
    def from_item(cls, entry: Mapping[str, str]) -> StateEntry:
        return cls(
            action=Action(entry["Action"]),
            timestamp=entry["Timestamp"],
            channel=entry["Channel"],
            keyword=entry["Keyword"],
            event_id=entry["EventId"],
        )

    @classmethod
    def from_history_item(cls, item: Mapping[str, str]) -> StateEntry:
        """The entry the event of a history item (``PreferenceEvent.history_item``) leaves in the state."""
        return cls(
            action=Action(item["Action"]),
            timestamp=item["Timestamp"],
            channel=item.get("Channel", ""),
            keyword=item.get("Response", ""),
            event_id=item.get("EventId", ""),
        )

    def precedence(self) -> tuple[str, bool]:
        """Later events win; at the same instant an opt-out wins."""
        return (self.timestamp, self.action is Action.OPT_OUT)


@dataclass(frozen=True)
class ConsentState:
    """A customer's latest event per origination number (``ALL_NUMBERS`` for all of them)."""

    entries: Mapping[str, StateEntry]
    suppressed: str | None = None
    """Why texts to the customer are suppressed (``suppressions``: ``INVALID``, ``BLOCKED``), or None.
    Not consent: a suppression blocks whatever the entries say, and is lifted on its own."""


NO_EVENTS = ConsentState({})


def time_after_seen(state: ConsentState, now: datetime, within: float | None = None) -> str:
    """The time of an event recorded ``now`` after ``state`` was read: ``now``, or 1 ms after the
    latest event of ``state`` when that is later (and, with ``within``, less than ``within`` seconds
    later). Two hosts' readings of AWS's time differ by up to about a second: an event recorded after
    another was seen must not be ordered before it."""
    stamped = event_time(now)
    latest = max((entry.timestamp for entry in state.entries.values()), default=stamped)
    ceiling = event_time(now + timedelta(seconds=within)) if within is not None else None
    if latest <= stamped or (ceiling is not None and latest >= ceiling):
        return stamped
    return event_time(datetime.fromisoformat(latest.replace("Z", "+00:00")) + timedelta(milliseconds=1))
