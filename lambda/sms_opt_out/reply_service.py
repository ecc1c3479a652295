"""The reply processor: records opt-outs and opt-ins and answers STOP, START and HELP."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from botocore.exceptions import BotoCoreError, ClientError

from .consent import confirmation_holds
from .errors import ConfirmationNotSentError, CustomerBusyError
from .inbound import InboundReply
from .keywords import Classification, Intent
from .leases import Lease
from .opt_out_store import OptOutStore, Receipt
from .origination import Origination, Originations
from .phone_numbers import mask
from .preferences import Action, PreferenceEvent
from .settings import Settings
from .sms_gateway import SmsGateway, error_code

logger = logging.getLogger(__name__)

SMS_CHANNEL = "SMS"


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
    ) -> None:
        """``originations`` knows the configured pools; without it every number stands alone."""
        self._store = store
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
        if classification.intent is Intent.OTHER:
            logger.info("ignored a reply from %s: no keyword", customer)
            return "IGNORED"
        origination = self._originations.resolve(reply.our_number)
        event = (
            None
            if classification.intent is Intent.HELP
            else _preference_event(reply, classification, origination)
        )
        receipt = Receipt(reply.customer, reply.inbound_message_id, classification.intent.value)
        earlier = self._store.begin_reply(receipt, event)
        if earlier is not None and earlier.outcome is not None:
            logger.info("repeated delivery from %s: already %s", customer, earlier.outcome)
            return "DUPLICATE"
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
            if event is not None and not confirmation_holds(
                state, origination.governing, self._settings.scope, event.action
            ):
                # The sender would not do what the confirmation says (a later event for all numbers,
                # or under scope ALL for another number, decides): recorded, not answered.
                return self._settle(receipt, "SUPERSEDED", None)
            message_id = self._answer(reply, classification.intent)
            self._settle(receipt, "HELP_SENT" if event is None else "CONFIRMED", message_id)
        finally:
            self._store.release(reply.customer, lease)
        return event.action.value if event is not None else Intent.HELP.value

    def _settle(self, receipt: Receipt, outcome: str, message_id: str | None) -> str:
        self._store.settle_reply(receipt, outcome, message_id)
        logger.info("%s from %s: %s", receipt.intent, mask(receipt.customer), outcome)
        return outcome

    def _answer(self, reply: InboundReply, intent: Intent) -> str:
        text = {
            Intent.OPT_OUT: self._settings.opt_out_confirmation,
            Intent.OPT_IN: self._settings.opt_in_confirmation,
            Intent.HELP: self._settings.help_message,
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
            raise ConfirmationNotSentError(
                f"{intent.value} of {mask(reply.customer)} is recorded but its answer failed: "
                f"{error_code(error)}"
            ) from error


def _preference_event(
    reply: InboundReply, classification: Classification, origination: Origination
) -> PreferenceEvent:
    """The opt-out or opt-in that ``reply`` expresses, for the pool of the number when it has one."""
    return PreferenceEvent(
        customer=reply.customer,
        origination=origination.state_key,
        timestamp=reply.timestamp,
        action=Action(classification.intent.value),
        keyword=classification.keyword or classification.intent.value,
        channel=SMS_CHANNEL,
        event_id=reply.inbound_message_id,
        inbound_message_id=reply.inbound_message_id,
        number=reply.our_number if origination.state_key != reply.our_number else None,
    )
