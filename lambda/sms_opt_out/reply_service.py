"""The reply processor: records opt-outs and opt-ins and answers STOP, START and HELP."""

from __future__ import annotations

import logging

from botocore.exceptions import BotoCoreError, ClientError

from .errors import ConfirmationNotSentError
from .inbound import InboundReply
from .keywords import Classification, Intent
from .languages import ENGLISH
from .opt_out_store import OptOutStore, Receipt
from .phone_numbers import mask
from .preferences import Action, PreferenceEvent
from .settings import Settings
from .sms_gateway import SmsGateway, error_code

logger = logging.getLogger(__name__)

SMS_CHANNEL = "SMS"


class ReplyProcessor:
    """Handles one inbound reply at a time; safe to call again with the same reply."""

    def __init__(self, store: OptOutStore, gateway: SmsGateway, settings: Settings) -> None:
        self._store = store
        self._gateway = gateway
        self._settings = settings

    def process(self, reply: InboundReply) -> str:
        """Process ``reply``; return what was done (for logs and tests)."""
        classification = self._settings.rules.classify_reply(reply.body)
        customer = mask(reply.customer)
        if classification.intent is Intent.OTHER:
            logger.info("ignored a reply from %s: no keyword", customer)
            return "IGNORED"
        event = None
        if classification.intent is not Intent.HELP:
            event = PreferenceEvent(
                customer=reply.customer,
                origination=reply.our_number,
                timestamp=reply.timestamp,
                action=Action(classification.intent.value),
                keyword=classification.keyword or classification.intent.value,
                channel=SMS_CHANNEL,
                event_id=reply.inbound_message_id,
                inbound_message_id=reply.inbound_message_id,
            )
        receipt = Receipt(reply.customer, reply.inbound_message_id, classification.intent.value)
        earlier = self._store.begin_reply(receipt, event)
        if earlier is not None and earlier.outcome is not None:
            logger.info("repeated delivery from %s: already %s", customer, earlier.outcome)
            return "DUPLICATE"
        if event is not None and not self._store.apply(event):
            self._store.settle_reply(receipt, "SUPERSEDED", None)
            return "SUPERSEDED"
        message_id = self._answer(reply, classification)
        outcome = "HELP_SENT" if event is None else "CONFIRMED"
        self._store.settle_reply(receipt, outcome, message_id)
        logger.info("%s from %s: %s", classification.intent.value, customer, outcome)
        return event.action.value if event is not None else Intent.HELP.value

    def _answer(self, reply: InboundReply, classification: Classification) -> str:
        """Send the answer, in the language of the keyword that matched."""
        intent = classification.intent
        texts = self._settings.texts[classification.language or ENGLISH]
        text = {
            Intent.OPT_OUT: texts.opt_out_confirmation,
            Intent.OPT_IN: texts.opt_in_confirmation,
            Intent.HELP: texts.help_message,
        }[intent]
        try:
            return self._gateway.send_text(
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
