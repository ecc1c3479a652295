"""Preference events (opt-out, opt-in) and the per-customer consent state derived from them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from .errors import InvalidFieldError


class Action(enum.StrEnum):
    OPT_OUT = "OPT_OUT"
    OPT_IN = "OPT_IN"


class Scope(enum.StrEnum):
    ORIGINATION = "ORIGINATION"
    """An opt-out blocks the number it was sent to (and is lifted by an opt-in to that number)."""
    ALL = "ALL"
    """An opt-out to any of our numbers blocks every number sharing the table."""


def event_time(value: str | datetime, field: str = "Timestamp") -> str:
    """Return ``value`` as UTC ISO-8601 with milliseconds, e.g. ``2025-04-11T09:30:00.000Z``."""
    if not isinstance(value, str | datetime):
        raise InvalidFieldError(field, "must be an ISO-8601 time string")
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise InvalidFieldError(field, f"{value!r} is not an ISO-8601 time") from None
    if value.tzinfo is None:
        raise InvalidFieldError(field, "the time must carry a time zone (for example Z for UTC)")
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


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

    def precedence(self) -> tuple[str, bool]:
        """Later events win; at the same instant an opt-out wins."""
        return (self.timestamp, self.action is Action.OPT_OUT)


@dataclass(frozen=True)
class ConsentState:
    """A customer's latest event per origination number (``ALL_NUMBERS`` for all of them)."""

    entries: Mapping[str, StateEntry]


NO_EVENTS = ConsentState({})
