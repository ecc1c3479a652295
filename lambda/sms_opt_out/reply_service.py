"""The reply processor: records opt-outs and opt-ins and answers STOP, START and HELP."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from botocore.exceptions import BotoCoreError, ClientError

from .aws_opt_out_lists import is_opted_out_answer
from .consent import confirmation_holds, deciding_entry, is_blocked
from .errors import ConfirmationNotSentError, CustomerBusyError
from .inbound import InboundReply
from .keywords import Classification, Intent
from .languages import ENGLISH
from .leases import Lease
from .opt_out_list_removal import OptOutListRemover
from .opt_out_store import OptOutStore, Receipt
from .origination import Origination, Originations
from .phone_numbers import mask
from .preferences import Action, ConsentState, PreferenceEvent, event_time
from .settings import Settings
from .sms_gateway import SmsGateway, error_code
from .suppressions import Suppressions
from .unrecognised_replies import UnrecognisedReplies

logger = logging.getLogger(__name__)

SMS_CHANNEL = "SMS"
ON_AWS_OPT_OUT_LIST = "ON_AWS_OPT_OUT_LIST"
"""An opt-in recorded but not confirmed: AWS refused to take the number off an opt-out list."""


class ReplyProcessor:
    """Handles one inbound reply at a time; safe to call again, and concurrently, with the same reply.

    A customer's replies are answered one at a time, under the customer's lease: so each reply is
    answered once, and the last answer a customer receives matches their consent state. A reply to
    a number of a configured pool is recorded for the pool and answered from the number.
    """

    def __init__(
        self,
        store: OptOutStore,
        gateway: SmsGateway,
        settings: Settings,
        originations: Originations | None = None,
        clock: Callable[[], float] = time.time,
        *,
        unrecognised: UnrecognisedReplies,
        list_removal: OptOutListRemover | None = None,
        suppressions: Suppressions | None = None,
    ) -> None:
        """``originations`` knows the configured pools; without it every number stands alone.
        ``list_removal`` takes an opting-in customer off the AWS opt-out lists before confirming."""
        self._store = store
        self._list_removal = list_removal
        self._suppressions = suppressions
        self._unrecognised = unrecognised
        self._gateway = gateway
        self._settings = settings
        self._originations = originations or Originations(None)
        self._clock = clock

    def process(self, reply: InboundReply, lease: Lease) -> str:
        """Process ``reply`` under ``lease`` (the invocation's term); return what was done.

        Raises CustomerBusyError while another reply of the customer is being answered.
        """
        classification = self._settings.rules.classify_reply(reply.body)
        customer = mask(reply.customer)
        if self._suppressions is not None:  # any reply shows the number reachable: a suppression ends
            self._suppressions.lift(reply.customer, replied_at=reply.timestamp)
        if classification.intent is Intent.OTHER:
            self._unrecognised.keep(reply)
            logger.info("kept a reply from %s for review: no keyword", customer)
            return "UNRECOGNISED"
        origination = self._originations.resolve(reply.our_number)
        event = (
            None
            if classification.intent is Intent.HELP
            else _preference_event(reply, classification, origination, self._now())
        )
        receipt = Receipt(reply.customer, reply.inbound_message_id, classification.intent.value)
        earlier = self._store.begin_reply(receipt, event)
        if earlier is not None and earlier.outcome is not None:
            logger.info("repeated delivery from %s: already %s", customer, earlier.outcome)
            return "DUPLICATE"
        already_opted_out = event is not None and self._already_opted_out(event, origination)
        if event is not None and self._store.apply(event) is None:
            # A later event for the same number decides (out-of-order delivery): recorded, not answered.
            return self._settle(receipt, "SUPERSEDED", None)
        lease = lease.for_reply(reply.inbound_message_id)
        state = self._store.claim(reply.customer, lease, int(self._clock() * 1000))
        if state is None:
            raise CustomerBusyError(f"another reply of {customer} is being answered; this one is retried")
        try:
            if self._store.get_receipt(receipt).outcome is not None:
                logger.info("repeated delivery from %s: answered by another delivery", customer)
                return "DUPLICATE"
            if already_opted_out:
                # One confirmation per opt-out: a repeated STOP is in the history, not answered again.
                return self._settle(receipt, "ALREADY_OPTED_OUT", None)
            if event is not None and not confirmation_holds(
                state, origination.governing, self._settings.scope, event.action
            ):
                # The sender would not do what the confirmation says (a later event for all numbers,
                # or under scope ALL for another number, decides): recorded, not answered.
                return self._settle(receipt, "SUPERSEDED", None)
            if event is not None and not self._aws_lists_honour(event, origination):
                # Still on an AWS opt-out list: AWS would refuse the confirmation and every text.
                return self._settle(receipt, ON_AWS_OPT_OUT_LIST, None)
            message_id = self._answer(reply, classification)
            if message_id is None:  # AWS refused it: the number is on the identity's opt-out list
                self._settle(receipt, ON_AWS_OPT_OUT_LIST, None)
                return f"{classification.intent.value}_UNANSWERED"
            if event is not None:
                self._store.mark_confirmed(event, self._now())
            self._settle(receipt, "HELP_SENT" if event is None else "CONFIRMED", message_id)
        finally:
            self._store.release(reply.customer, lease)
        return event.action.value if event is not None else Intent.HELP.value

    def _aws_lists_honour(self, event: PreferenceEvent, origination: Origination) -> bool:
        """For an opt-in: whether the number is off the AWS opt-out lists (removed now, or never on)."""
        if event.action is not Action.OPT_IN or self._list_removal is None:
            return True
        return self._list_removal.remove(event.customer, event, origination.governing).honoured

    def _now(self) -> str:
        return event_time(datetime.fromtimestamp(self._clock(), UTC))

    def _already_opted_out(self, event: PreferenceEvent, origination: Origination) -> bool:
        """Whether the customer was blocked from ``origination`` before ``event`` (an opt-out) came,
        by an SMS opt-out (which was answered then; one by another channel never was)."""
        if event.action is not Action.OPT_OUT:
            return False
        state = self._store.consent_states([event.customer])[event.customer]
        before = ConsentState({k: e for k, e in state.entries.items() if e.event_id != event.event_id})
        if not is_blocked(before, origination.governing, self._settings.scope):
            return False
        deciding = deciding_entry(before, origination.governing, self._settings.scope)
        return deciding is not None and deciding[1].channel == SMS_CHANNEL

    def _settle(self, receipt: Receipt, outcome: str, message_id: str | None) -> str:
        self._store.settle_reply(receipt, outcome, message_id)
        logger.info("%s from %s: %s", receipt.intent, mask(receipt.customer), outcome)
        return outcome

    def _answer(self, reply: InboundReply, classification: Classification) -> str | None:
        """Send the answer, in the language of the keyword that matched; None when AWS refuses it as
        opted out (the number is on the identity's AWS opt-out list: no answer can reach it)."""
        intent = classification.intent
        texts = self._settings.texts[classification.language or ENGLISH]
        text = {
            Intent.OPT_OUT: texts.opt_out_confirmation,
            Intent.OPT_IN: texts.opt_in_confirmation,
            Intent.HELP: texts.help_message,
        }[intent]
        try:
            return self._gateway.send(
                {
                    "DestinationPhoneNumber": reply.customer,
                    "OriginationIdentity": reply.our_number,
                    "MessageBody": text,
                    "MessageType": "TRANSACTIONAL",
                }
            )
        except (BotoCoreError, ClientError) as error:
            if is_opted_out_answer(error):
                logger.info(
                    "%s is on an AWS opt-out list: %s recorded, not answered", mask(reply.customer), intent
                )
                return None
            raise ConfirmationNotSentError(
                f"{intent.value} of {mask(reply.customer)} is recorded but its answer failed: "
                f"{error_code(error)}"
            ) from error


def _preference_event(
    reply: InboundReply, classification: Classification, origination: Origination, recorded_at: str
) -> PreferenceEvent:
    """The opt-out or opt-in that ``reply`` expresses, for the pool of the number when it has one, with
    the evidence of how it matched."""
    return PreferenceEvent(
        customer=reply.customer,
        origination=origination.state_key,
        timestamp=reply.timestamp,
        action=Action(classification.intent.value),
        keyword=classification.keyword or classification.intent.value,
        channel=SMS_CHANNEL,
        event_id=reply.inbound_message_id,
        inbound_message_id=reply.inbound_message_id,
        matched_by=classification.matched_by.value if classification.matched_by else None,
        language=classification.language,
        reply_text=reply.body,
        recorded_at=recorded_at,
        number=reply.our_number if origination.state_key != reply.our_number else None,
    )
