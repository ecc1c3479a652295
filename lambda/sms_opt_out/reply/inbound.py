"""Parsing of two-way SMS (and RCS) notifications delivered by SNS.

An RCS agent's inbound messages reach the same topic in the same payload ("Receiving inbound RCS
messages", section "Inbound message payload format",
<https://docs.aws.amazon.com/sms-voice/latest/userguide/rcs-inbound.md>): its ``destinationNumber``
is "the identifier of the AWS RCS Agent that received the message", read here as a configured agent
ID, or an agent's ARN. A file the customer sends to an agent comes as a media notification
(``rcs_media``), which is never read as words.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sms_opt_out.domain.phone_numbers import to_e164, to_origination_number
from sms_opt_out.domain.preferences import event_time
from sms_opt_out.errors import InvalidFieldError, MalformedReplyError
from sms_opt_out.reply.rcs_media import MediaNotice, media_notice
from sms_opt_out.sms.rcs import rcs_agent_id


@dataclass(frozen=True)
class InboundReply:
    customer: str
    """The customer's number (``originationNumber``), E.164."""
    our_number: str
    """The number (or RCS agent ARN or ID) the customer replied to (``destinationNumber``)."""
    body: str
    inbound_message_id: str
    timestamp: str
    """When SNS received the reply (the record's ``Timestamp``), UTC ISO-8601 with milliseconds."""
    keyword: str | None = None
    media: MediaNotice | None = None
    """What the customer sent instead of a text: a file, to an RCS agent (``body`` describes it)."""


def parse_sns_record(record: Any, position: int = 0, agents: Collection[str] = ()) -> InboundReply:
    """Parse one SNS record; raise MalformedReplyError naming the field at fault. ``agents`` are the
    RCS agent IDs a ``destinationNumber`` may name besides agent ARNs and our numbers."""
    where = f"Records[{position}]"
    sns = _field(record, "Sns", where)
    if not isinstance(sns, Mapping):
        raise MalformedReplyError(f"{where}.Sns", "must be an object")
    raw = _field(sns, "Message", f"{where}.Sns")
    try:
        message = json.loads(raw)
    except (TypeError, ValueError):
        raise MalformedReplyError(f"{where}.Sns.Message", "is not JSON") from None
    if not isinstance(message, Mapping):
        raise MalformedReplyError(f"{where}.Sns.Message", "must be a JSON object")
    return _reply(message, f"{where}.Sns.Message", (sns, f"{where}.Sns", "Timestamp"), agents)


def parse_queued_record(record: Any, position: int = 0, agents: Collection[str] = ()) -> InboundReply:
    """Parse one record of the confirmation queue (``QueuedConfirmations.put``'s body); raise
    MalformedReplyError naming the field at fault."""
    where = f"Records[{position}]"
    raw = _field(record, "body", where)
    try:
        body = json.loads(raw)
    except (TypeError, ValueError):
        raise MalformedReplyError(f"{where}.body", "is not JSON") from None
    here = f"{where}.body.queuedReply"
    message = _field(body, "queuedReply", f"{where}.body")
    if not isinstance(message, Mapping):
        raise MalformedReplyError(here, "must be a JSON object")
    return _reply(message, here, (message, here, "timestamp"), agents)


def _reply(
    message: Mapping[str, Any], here: str, stamped: tuple[Any, str, str], agents: Collection[str]
) -> InboundReply:
    """The reply ``message`` (at ``here``) describes; its time is the field ``stamped`` names (the
    container, where it is, and the field's name)."""
    container, where, name = stamped
    try:
        customer = to_e164(_field(message, "originationNumber", here), f"{here}.originationNumber")
        our_number = _our_identity(
            _field(message, "destinationNumber", here), f"{here}.destinationNumber", agents
        )
        body = _text(message, "messageBody", here)
        return InboundReply(
            customer=customer,
            our_number=our_number,
            body=body,
            inbound_message_id=_text(message, "inboundMessageId", here, allow_empty=False),
            timestamp=event_time(_field(container, name, where), f"{where}.{name}"),
            keyword=message.get("messageKeyword"),
            media=media_notice(body) if rcs_agent_id(our_number, agents) is not None else None,
        )
    except MalformedReplyError:
        raise
    except InvalidFieldError as error:
        raise MalformedReplyError(error.field, error.reason) from None


def _our_identity(value: Any, field: str, agents: Collection[str]) -> str:
    """The origination a reply reached: one of our numbers, or an RCS agent (its ARN or ID, as given)."""
    if isinstance(value, str) and rcs_agent_id(value.strip(), agents) is not None:
        return value.strip()
    return to_origination_number(value, field)


def _field(container: Any, name: str, where: str) -> Any:
    if not isinstance(container, Mapping) or name not in container:
        raise MalformedReplyError(f"{where}.{name}", "is missing")
    return container[name]


def _text(message: Mapping[str, Any], name: str, where: str, *, allow_empty: bool = True) -> str:
    value = _field(message, name, where)
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise MalformedReplyError(
            f"{where}.{name}", "must be a non-empty string" if not allow_empty else "must be a string"
        )
    return value
