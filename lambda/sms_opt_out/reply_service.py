"""The reply processor: records opt-outs and opt-ins and answers STOP, START and HELP."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from botocore.exceptions import BotoCoreError, ClientError

from .consent import confirmation_holds, opt_out_confirmed_already
from .deadline import Deadline
from .errors import ConfirmationNotSentError, CustomerBusyError, DeadlineReachedError
from .inbound import InboundReply
from .keywords import Classification, Intent
from .languages import ENGLISH
from .leases import Lease
from .opt_out_store import OptOutStore, Receipt
from .origination import Origination, Originations
from .outcomes import ReplyOutcome
from .phone_numbers import mask
from .preferences import Action, ConsentState, PreferenceEvent, StateEntry, event_time
from .rcs import rcs_agent_id
from .settings import Settings
from .sms_gateway import SmsGateway, error_code
from .unrecognised_replies import UnrecognisedReplies

logger = logging.getLogger(__name__)

SMS_CHANNEL = "SMS"
RCS_CHANNEL = "RCS"
"""The channel recorded for a reply received through an RCS agent."""
CONFIRMED = "CONFIRMED"
"""How a receipt of an opt-out or opt-in is settled once its confirmation went out."""
_ANSWERED_ONLY = {Intent.HELP: "HELP_SENT", Intent.AMBIGUOUS: "CLARIFICATION_SENT"}
"""Intents answered (once, as a receipt records) without changing consent, and how they settle."""


class ReplyProcessor:
    """Handles one inbound reply at a time; safe to call again, and concurrently, with the same reply.

    A customer's replies are answered one at a time, under the customer's lease: so each reply is
    answered once, an opt-out is confirmed once (a later STOP is not answered once an earlier one
    was), and the last answer a customer receives matches their consent state. After an answer went
    out, one write records it (``OptOutStore.finish_reply``). A reply to a number of a configured
    pool is recorded for the pool and answered from the number; one to an RCS agent of a configured
    pool is recorded for the pool and answered through the pool (RCS first, SMS as fallback).
    """

    def _channel(self, reply: InboundReply) -> str:
        return RCS_CHANNEL if rcs_agent_id(reply.our_number, self._originations.agents) else SMS_CHANNEL

    @property
    def rcs_agents(self) -> frozenset[str]:
        """The RCS agent IDs a reply may reach besides agent ARNs (the construct's)."""
        return self._originations.agents

    def __init__(
        self,
        store: OptOutStore,
        gateway: SmsGateway,
        settings: Settings,
        originations: Originations | None = None,
        clock: Callable[[], float] = time.time,
        *,
        unrecognised: UnrecognisedReplies,
    ) -> None:
        """``originations`` knows the configured pools; without it every number stands alone."""
        self._store = store
        self._unrecognised = unrecognised
        self._gateway = gateway
        self._settings = settings
        self._originations = originations or Originations(None)
        self._clock = clock

    def process(self, reply: InboundReply, lease: Lease, deadline: Deadline | None = None) -> ReplyOutcome:
        """Process ``reply`` under ``lease`` (the invocation's term) by ``deadline``; return what was done.

        Raises CustomerBusyError while another reply of the customer is being answered, and
        ConfirmationNotSentError when its answer could not be sent (throttled until the deadline
        leaves just the time to give the lease back and raise): Lambda delivers it again.
        """
        classification = self._settings.rules.classify_reply(reply.body)
        customer = mask(reply.customer)
        if classification.intent in (Intent.OTHER, Intent.AMBIGUOUS):
            self._unrecognised.keep(reply, classification)
            logger.info("kept a reply from %s for review: %s", customer, classification.rule)
            if classification.intent is Intent.OTHER:
                return ReplyOutcome.UNRECOGNISED
        origination = self._originations.resolve(reply.our_number)
        event = (
            None
            if classification.intent in _ANSWERED_ONLY
            else _preference_event(reply, classification, origination, self._now(), self._channel(reply))
        )
        receipt = Receipt(reply.customer, reply.inbound_message_id, classification.intent.value)
        earlier = self._store.begin_reply(receipt, event)
        if earlier is not None and earlier.outcome is not None:
            logger.info("repeated delivery from %s: already %s", customer, earlier.outcome)
            return ReplyOutcome.DUPLICATE
        if event is not None and self._store.apply(event) is None:
            # A later event for the same number decides (out-of-order delivery): recorded, not answered.
            self._settle(receipt, ReplyOutcome.SUPERSEDED)
            return ReplyOutcome.SUPERSEDED
        lease = lease.for_reply(reply.inbound_message_id)
        state = self._store.claim(reply.customer, lease, int(self._clock() * 1000))
        if state is None:
            raise CustomerBusyError(f"another reply of {customer} is being answered; this one is retried")
        finished = False
        try:
            if self._store.get_receipt(receipt).outcome is not None:
                logger.info("repeated delivery from %s: answered by another delivery", customer)
                return ReplyOutcome.DUPLICATE
            unanswered = self._not_to_answer(event, origination, state)
            if unanswered is not None:
                finished = self._finish(receipt, unanswered, lease)
                return unanswered
            message_id = self._answer(reply, classification, deadline)
            # The one write after the text: the receipt settled, the event confirmed, the lease released.
            confirmed = None if event is None else (event, self._now())
            settled_as = CONFIRMED if event else _ANSWERED_ONLY[classification.intent]
            finished = self._finish(receipt, settled_as, lease, message_id, confirmed)
            return ReplyOutcome(classification.intent.value)
        finally:
            if not finished:
                self._store.release(reply.customer, lease)

    def _not_to_answer(
        self, event: PreferenceEvent | None, origination: Origination, state: ConsentState
    ) -> ReplyOutcome | None:
        """Why the reply is recorded but not answered, under the lease; None when it is answered."""
        if event is None:
            return None
        if self._confirmed_already(event, origination):
            # One confirmation per opt-out: the customer was told already; in the history, not answered.
            return ReplyOutcome.ALREADY_OPTED_OUT
        if not confirmation_holds(state, origination.governing, self._settings.scope, event.action):
            # The sender would not do what the confirmation says (a later event for all numbers,
            # or under scope ALL for another number, decides): recorded, not answered.
            return ReplyOutcome.SUPERSEDED
        return None

    def _now(self) -> str:
        return event_time(datetime.fromtimestamp(self._clock(), UTC))

    def _confirmed_already(self, event: PreferenceEvent, origination: Origination) -> bool:
        """Whether the customer sending the opt-out ``event`` was told by SMS already that they are
        opted out from ``origination`` (read under the lease, so no other reply is answered meanwhile)."""
        if event.action is not Action.OPT_OUT:
            return False
        history = self._store.answered_history(event.customer)
        entry = StateEntry.from_history_item(event.history_item())
        return opt_out_confirmed_already(history, entry, origination.governing, self._settings.scope)

    def _settle(self, receipt: Receipt, outcome: str) -> None:
        self._store.settle_reply(receipt, outcome, None)
        self._log(receipt, outcome)

    def _finish(
        self,
        receipt: Receipt,
        settled_as: str,
        lease: Lease,
        message_id: str | None = None,
        confirmed: tuple[PreferenceEvent, str] | None = None,
    ) -> bool:
        """Settle the receipt (confirming the event) and release the lease in one write; True once done."""
        self._store.finish_reply(receipt, settled_as, lease, message_id, confirmed)
        self._log(receipt, settled_as)
        return True

    @staticmethod
    def _log(receipt: Receipt, settled_as: str) -> None:
        logger.info("%s from %s: %s", receipt.intent, mask(receipt.customer), settled_as)

    def _answer(
        self, reply: InboundReply, classification: Classification, deadline: Deadline | None
    ) -> str | None:
        """Send the answer, in the language of the keyword that matched, while ``deadline`` leaves time
        (a throttled answer is retried only while the margin to record it and raise remains)."""
        intent = classification.intent
        texts = self._settings.texts[classification.language or ENGLISH]
        text = {
            Intent.OPT_OUT: texts.opt_out_confirmation,
            Intent.OPT_IN: texts.opt_in_confirmation,
            Intent.HELP: texts.help_message,
            Intent.AMBIGUOUS: texts.clarification,
        }[intent]
        try:
            return self._gateway.send(
                {
                    "DestinationPhoneNumber": reply.customer,
                    "OriginationIdentity": self._originations.answer_through(reply.our_number, deadline),
                    "MessageBody": text,
                    "MessageType": "TRANSACTIONAL",
                },
                deadline=deadline,
            )
        except (BotoCoreError, ClientError, DeadlineReachedError) as error:
            raise ConfirmationNotSentError(
                f"{intent.value} of {mask(reply.customer)} is recorded but its answer failed: "
                f"{error if isinstance(error, DeadlineReachedError) else error_code(error)}"
            ) from error


def _preference_event(
    reply: InboundReply,
    classification: Classification,
    origination: Origination,
    recorded_at: str,
    channel: str = SMS_CHANNEL,
) -> PreferenceEvent:
    """The opt-out or opt-in that ``reply`` expresses, for the pool of the number when it has one, with
    the evidence of how it matched."""
    return PreferenceEvent(
        customer=reply.customer,
        origination=origination.state_key,
        timestamp=reply.timestamp,
        action=Action(classification.intent.value),
        keyword=classification.keyword or classification.intent.value,
        channel=channel,
        event_id=reply.inbound_message_id,
        inbound_message_id=reply.inbound_message_id,
        matched_by=classification.matched_by.value if classification.matched_by else None,
        language=classification.language,
        rule=classification.rule,
        reason=classification.reason,
        policy=classification.policy.value if classification.policy else None,
        reply_text=reply.body,
        recorded_at=recorded_at,
        number=reply.our_number if origination.state_key != reply.our_number else None,
    )
