"""Opt-outs that AWS knows of: a send refused because the number is on an AWS opt-out list.

``SendTextMessage`` and ``SendMediaMessage`` answer ``ConflictException`` with ``Reason``
``DESTINATION_PHONE_NUMBER_OPTED_OUT`` when the destination is on the opt-out list of the
origination identity (a managed opt-out carried over, ``export --to-opt-out-list``, or AWS itself).
That answer is an opt-out: the send ends ``OPTED_OUT`` and the opt-out is learned, recorded in the
table (channel ``aws-opt-out-list``) with its evidence, so the next send is blocked without a call.

Every other ``ConflictException`` (a protect configuration blocking the country or the number,
mismatched settings) is not an opt-out: its ``Reason`` is the failure's code (``failure_code``).

Where it is kept: the customer's state item gains an ``AWSLIST#<origination key>`` attribute (one
conditional UpdateItem, which never touches any other attribute), read as an opt-out of that key
by every consent read (``consent_states``), and shown by ``history``. The sender may write only such
attributes (IAM ``dynamodb:Attributes``), so it can add an opt-out but never record consent.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from sms_opt_out.domain.phone_numbers import ALL_NUMBERS, mask
from sms_opt_out.domain.preferences import Action, ConsentState, Scope, time_after_seen
from sms_opt_out.sms.gateway import error_code
from sms_opt_out.sms.origination import Origination
from sms_opt_out.storage.opt_out_store import OptOutStore

logger = logging.getLogger(__name__)

CONFLICT = "ConflictException"
OPTED_OUT_REASON = "DESTINATION_PHONE_NUMBER_OPTED_OUT"
"""ConflictException's ``Reason`` for a destination on the identity's AWS opt-out list."""
CHANNEL = "aws-opt-out-list"
KEYWORD = "AWS_OPT_OUT_LIST"
"""The keyword of a learned opt-out: no customer wrote it, the AWS list holds it."""


def conflict_reason(error: BotoCoreError | ClientError) -> str | None:
    """The ``Reason`` of a ConflictException (botocore puts a modeled error's fields at the top of
    the response); None for any other error, or a ConflictException without one."""
    if not isinstance(error, ClientError) or error_code(error) != CONFLICT:
        return None
    reason = error.response.get("Reason") or error.response.get("Error", {}).get("Reason")
    return str(reason) if reason else None


def failure_code(error: BotoCoreError | ClientError) -> str:
    """The code a failed send is reported and counted under: a ConflictException's ``Reason``
    (``DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION``, ``OPT_OUT_LIST_MISMATCH``, ...),
    else the error's code."""
    return conflict_reason(error) or error_code(error)


def is_opted_out_answer(error: BotoCoreError | ClientError) -> bool:
    return conflict_reason(error) == OPTED_OUT_REASON


def learned_key(origination: Origination, scope: Scope) -> str:
    """Where a refusal is recorded: for all numbers under scope ALL; else the identity's own key (its
    pool for a pool's number), or all numbers for a sender ID, which governs no key of its own."""
    if scope is Scope.ALL or origination.state_key not in origination.governing:
        return ALL_NUMBERS
    return origination.state_key


@dataclass(frozen=True)
class AwsOptOut:
    """One refusal of a send because the destination is on an AWS opt-out list: the evidence."""

    customer: str
    origination: str
    """The origination key it is recorded for (``*`` for all numbers)."""
    identity: str
    """The ``OriginationIdentity`` the refused send named."""
    timestamp: str
    """When AWS answered (the sender's clock)."""
    operation: str
    aws_answer: str
    """``ConflictException: DESTINATION_PHONE_NUMBER_OPTED_OUT``."""
    aws_message: str
    event_id: str

    def record(self) -> dict[str, str]:
        """The attribute's value: a state entry (always an opt-out) and its history item at once."""
        return {
            "Action": Action.OPT_OUT.value,
            "Timestamp": self.timestamp,
            "Channel": CHANNEL,
            "Keyword": KEYWORD,
            "EventId": self.event_id,
            "OID": self.origination,
            "Response": KEYWORD,
            "Identity": self.identity,
            "Operation": self.operation,
            "AwsAnswer": self.aws_answer,
            "AwsMessage": self.aws_message,
        }


class AwsOptOutLearner:
    """Turns a send refused as opted out into an ``OPTED_OUT`` result and a recorded opt-out."""

    def __init__(
        self, store: OptOutStore, scope: Scope, now: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self._store = store
        self._scope = scope
        self._now = now

    def learn(
        self,
        params: Mapping[str, Any],
        origination: Origination,
        error: ClientError,
        operation: str,
        seen: ConsentState | None = None,
    ) -> dict[str, Any]:
        """Record the opt-out AWS answered; return the send's result (``OPTED_OUT``, with the code).

        ``seen`` is the consent read before the send: AWS refused after it, so the refusal is stamped
        after every event it holds (``time_after_seen``).

        A record that cannot be written is logged, not raised: AWS refuses the number anyway, and the
        next refused send learns it again.
        """
        refusal = AwsOptOut(
            customer=params["DestinationPhoneNumber"],
            origination=learned_key(origination, self._scope),
            identity=params["OriginationIdentity"],
            timestamp=time_after_seen(seen or ConsentState({}), self._now()),
            operation=operation,
            aws_answer=f"{CONFLICT}: {OPTED_OUT_REASON}",
            aws_message=str(error.response.get("Error", {}).get("Message", "")),
            event_id=str(uuid.uuid4()),
        )
        try:
            self._store.writes.record_aws_opt_out(refusal.customer, refusal.origination, refusal.record())
        except (BotoCoreError, ClientError) as failure:
            logger.error(
                "AWS opt-out of %s not recorded (the next refused send tries again): %s",
                mask(refusal.customer),
                error_code(failure),
            )
        else:
            logger.info("learned the AWS opt-out list's opt-out of %s", mask(refusal.customer))
        return {"status": "OPTED_OUT", "code": OPTED_OUT_REASON}
