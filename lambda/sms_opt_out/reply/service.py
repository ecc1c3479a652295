"""The reply processor: records opt-outs and opt-ins and answers STOP, START and HELP."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from botocore.exceptions import BotoCoreError, ClientError

from sms_opt_out.aws_clock import AwsClock
from sms_opt_out.domain.consent import Governing, confirmation_holds, opt_out_confirmed_already
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.domain.keywords import Classification, Intent
from sms_opt_out.domain.languages import ENGLISH
from sms_opt_out.domain.leases import Lease
from sms_opt_out.domain.phone_numbers import mask
from sms_opt_out.domain.preferences import (
    NO_EVENTS,
    Action,
    ConsentState,
    PreferenceEvent,
    Scope,
    StateEntry,
    event_time,
)
from sms_opt_out.errors import (
    ConfirmationNotSentError,
    CustomerBusyError,
    DeadlineReachedError,
    MalformedReplyError,
)
from sms_opt_out.outcomes import ReplyOutcome
from sms_opt_out.reply.inbound import InboundReply
from sms_opt_out.settings import Settings
from sms_opt_out.sms.gateway import SmsGateway, error_code
from sms_opt_out.sms.opt_out_list_removal import OptOutListRemover
from sms_opt_out.sms.origination import Originations
from sms_opt_out.sms.rcs import rcs_agent_id
from sms_opt_out.storage.audit_trail import Answered
from sms_opt_out.storage.consent_leases import Claim
from sms_opt_out.storage.opt_out_store import OptOutStore
from sms_opt_out.storage.queued_confirmations import QueuedConfirmations
from sms_opt_out.storage.reply_receipts import Receipt
from sms_opt_out.storage.suppressions import Suppressions
from sms_opt_out.storage.unrecognised_replies import UnrecognisedReplies

logger = logging.getLogger(__name__)

SMS_CHANNEL = "SMS"
RCS_CHANNEL = "RCS"
"""The channel recorded for a reply received through an RCS agent."""
CONFIRMED = "CONFIRMED"
"""How a receipt of an opt-out or opt-in is settled once its confirmation went out."""
CONFIRMATION_QUEUED = "CONFIRMATION_QUEUED"
"""How a receipt is settled while its confirmation waits on the confirmation queue (then ``CONFIRMED``,
or why it was not answered)."""
INLINE_WAIT_SECONDS = 1.0
"""A confirmation is sent by the reply's own invocation when its number's next slot, with no other
container sending from it, comes within this; else it is queued."""
_QUEUED = {Intent.OPT_OUT: ReplyOutcome.OPT_OUT_QUEUED, Intent.OPT_IN: ReplyOutcome.OPT_IN_QUEUED}
"""What a reply whose confirmation went to the confirmation queue counts as."""
_ANSWERED_ONLY = {Intent.HELP: "HELP_SENT", Intent.AMBIGUOUS: "CLARIFICATION_SENT"}
_UNANSWERED = {
    Intent.OPT_OUT: ReplyOutcome.OPT_OUT_UNANSWERED,
    Intent.OPT_IN: ReplyOutcome.OPT_IN_UNANSWERED,
    Intent.HELP: ReplyOutcome.HELP_UNANSWERED,
    Intent.AMBIGUOUS: ReplyOutcome.AMBIGUOUS,
}
"""What a reply whose answer AWS refused as opted out counts as (recorded, not answered)."""


class AnswerRefusedAsOptedOutError(Exception):
    """AWS refused an answer: the customer is on the identity's AWS opt-out list."""


"""Intents answered (once, as a receipt records) without changing consent, and how they settle."""


class ReplyProcessor:
    """Handles one inbound reply at a time; safe to call again, and concurrently, with the same reply.

    A customer's replies are answered one at a time, under the customer's lease: so each reply is
    answered once, an opt-out is confirmed once (a later STOP is not answered once an earlier one
    was), and the last answer a customer receives matches their consent state. After an answer went
    out, one write records it (``ReplyReceipts.finish_reply``). A reply to a number of a configured
    pool is recorded for that number (which governs the pool's sends) and answered from it; one to an
    RCS agent is recorded for the agent (which governs its pool's sends as a number does) and answered
    through the agent's pool (RCS first, SMS as fallback). Nothing but DynamoDB is called before a
    reply is recorded and applied. With a confirmation queue, a confirmation whose number has no slot
    of its own now is queued instead, and answered from the queue (``confirm_queued``) as it would
    have been here.
    """

    def _replied_to(self, reply: InboundReply) -> tuple[str, str]:
        """The origination key a reply is recorded for (an agent by its ID, as the sender keys it, else
        the number) and its channel: RCS through an agent, else SMS."""
        agent = rcs_agent_id(reply.our_number, self._originations.agents)
        return (agent, RCS_CHANNEL) if agent else (reply.our_number, SMS_CHANNEL)

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
        clock: AwsClock | None = None,
        *,
        unrecognised: UnrecognisedReplies,
        list_removal: OptOutListRemover | None = None,
        suppressions: Suppressions | None = None,
        confirmations: QueuedConfirmations | None = None,
    ) -> None:
        """``originations`` knows the configured pools; without it every number stands alone. ``clock``
        (AWS's, learnt from the store's responses) stamps records and times leases. ``list_removal``
        takes an opting-in customer off the AWS opt-out lists before confirming. ``confirmations``
        (the confirmation queue) takes the confirmations their number has no slot for now."""
        self._confirmations = confirmations
        self._store = store
        self._list_removal = list_removal
        self._suppressions = suppressions
        self._unrecognised = unrecognised
        self._gateway = gateway
        self._settings = settings
        self._originations = originations or Originations(None)
        self._clock = clock or AwsClock()

    def process(self, reply: InboundReply, lease: Lease, deadline: Deadline | None = None) -> ReplyOutcome:
        """Process ``reply`` under ``lease`` (the invocation's term) by ``deadline``; return what was done.

        Raises CustomerBusyError while another reply of the customer is being answered, and
        ConfirmationNotSentError when its answer could not be sent (throttled until the deadline
        leaves just the time to give the lease back and raise): Lambda delivers it again.
        """
        classification = self._classified(reply)
        customer = mask(reply.customer)
        if classification.intent in (Intent.OTHER, Intent.AMBIGUOUS):
            if self._suppressions is not None:  # any reply shows the number reachable: a suppression ends
                self._suppressions.lift(reply.customer, replied_at=reply.timestamp)
            self._unrecognised.keep(reply, classification)
            logger.info("kept a reply from %s for review: %s", customer, classification.rule)
            if classification.intent is Intent.OTHER:
                return ReplyOutcome.UNRECOGNISED
        event = (
            None
            if classification.intent in _ANSWERED_ONLY
            else _preference_event(reply, classification, self._now(), self._replied_to(reply))
        )
        receipt = Receipt(reply.customer, reply.inbound_message_id, classification.intent.value)
        earlier = self._store.receipts.begin_reply(receipt, event)
        if earlier is not None and earlier.outcome is not None:
            logger.info("repeated delivery from %s: already %s", customer, earlier.outcome)
            return ReplyOutcome.DUPLICATE
        lease = lease.for_reply(reply.inbound_message_id).in_aws_time(self._clock)
        claim = self._claim(reply, event, lease)
        self._lift_suppression(reply, claim.state)
        if not claim.applied:
            # A later event for the same number decides (out-of-order delivery): recorded, not answered.
            self._settle(receipt, ReplyOutcome.SUPERSEDED)
            return ReplyOutcome.SUPERSEDED
        if not claim.leased:
            raise CustomerBusyError(f"another reply of {customer} is being answered; this one is retried")
        return self._under_lease(reply, classification, event, claim.state, lease, deadline)

    def confirm_queued(
        self, reply: InboundReply, lease: Lease, deadline: Deadline | None = None
    ) -> ReplyOutcome:
        """Answer ``reply``, recorded, enforced and queued (``CONFIRMATION_QUEUED``) by ``process``, at
        its number's shared pace by ``deadline``: under the customer's lease, as ``process`` answers
        (one confirmation per reply, only what is still enforced, the last answer matching the state).

        Raises as ``process`` does (CustomerBusyError, ConfirmationNotSentError): the queue delivers
        it again, and after its last receive keeps it on its dead-letter queue.
        """
        classification = self._classified(reply)
        if classification.intent not in _QUEUED:
            raise MalformedReplyError("queuedReply.messageBody", "is not an opt-out or opt-in")
        event = _preference_event(reply, classification, self._now(), self._replied_to(reply))
        lease = lease.for_reply(reply.inbound_message_id).in_aws_time(self._clock)
        state = self._store.leases.claim(reply.customer, lease, int(self._clock() * 1000))
        if state is None:
            raise CustomerBusyError(f"another reply of {mask(reply.customer)} is being answered; retried")
        return self._under_lease(reply, classification, event, state, lease, deadline, queued=True)

    def _classified(self, reply: InboundReply) -> Classification:
        """How ``reply`` is read: its words by the keyword rules; a file sent to an RCS agent, never."""
        if reply.media is not None:
            return reply.media.classification()
        return self._settings.rules.classify_reply(reply.body)

    def _under_lease(
        self,
        reply: InboundReply,
        classification: Classification,
        event: PreferenceEvent | None,
        state: ConsentState,
        lease: Lease,
        deadline: Deadline | None,
        *,
        queued: bool = False,
    ) -> ReplyOutcome:
        """Answer ``reply`` under the customer's ``lease`` (``state``: their consent as it is under it),
        or say why not; settle its receipt and give the lease back. ``queued``: the reply was recorded
        and queued earlier (its receipt says ``CONFIRMATION_QUEUED`` until it is answered)."""
        customer = mask(reply.customer)
        receipt = Receipt(reply.customer, reply.inbound_message_id, classification.intent.value)
        finished = False
        try:
            # Recorded and enforced with DynamoDB alone. Only the answer may need a pool's numbers.
            governing = self._governing(reply) if event is not None else frozenset()
            queue = self._queue_first(reply, event, queued, deadline)
            if queue is not None:
                # The number's slots are taken (a burst): the opt-out is enforced, and the consumer
                # reads the receipt and the history under the customer's lease when it answers, so
                # nothing is read here. A receipt another delivery settled meanwhile stays as it is.
                _queue(queue, reply)
                finished = self._finish(receipt, CONFIRMATION_QUEUED, lease, unsettled_only=True)
                return _QUEUED[classification.intent] if finished else ReplyOutcome.DUPLICATE
            stored, history = self._read_under_lease(receipt, event)
            if stored.outcome != (CONFIRMATION_QUEUED if queued else None):
                logger.info("repeated delivery from %s: answered by another delivery", customer)
                return ReplyOutcome.DUPLICATE
            unanswered = self._not_to_answer(event, governing, state, history)
            if unanswered is not None:
                finished = self._finish(receipt, unanswered, lease)
                return unanswered
            if not queued and event is not None and not self._aws_lists_honour(event, governing):
                # Still on an AWS opt-out list: AWS would refuse the confirmation and every text.
                finished = self._finish(receipt, ReplyOutcome.ON_AWS_OPT_OUT_LIST, lease)
                return ReplyOutcome.ON_AWS_OPT_OUT_LIST
            queue = None if queued or event is None else self._queue_for(reply, deadline)
            if queue is not None:
                # The number's slots are taken (another container sends from it, or this one's pace
                # is spent): the confirmation goes to the queue, which sends it at the shared rate.
                _queue(queue, reply)
                finished = self._finish(receipt, CONFIRMATION_QUEUED, lease)
                return _QUEUED[classification.intent]
            try:
                message_id = self._answer(reply, classification, deadline)
            except AnswerRefusedAsOptedOutError:
                # The number is on the identity's AWS opt-out list: no answer from it can reach them.
                finished = self._finish(receipt, ReplyOutcome.ON_AWS_OPT_OUT_LIST, lease)
                return _UNANSWERED[classification.intent]
            # The one write after the text: the receipt settled, the event confirmed, the lease released.
            confirmed = None if event is None else (event, self._now())
            settled_as = CONFIRMED if event else _ANSWERED_ONLY[classification.intent]
            finished = self._finish(receipt, settled_as, lease, message_id, confirmed)
            return ReplyOutcome(classification.intent.value)
        finally:
            if not finished:
                self._store.leases.release(reply.customer, lease)

    def _queue_first(
        self, reply: InboundReply, event: PreferenceEvent | None, queued: bool, deadline: Deadline | None
    ) -> QueuedConfirmations | None:
        """The confirmation queue, when the confirmation of the opt-out ``reply`` goes there before
        anything is read under the lease (``_queue_for``); None: it is read, and answered or queued
        as any other reply. An opt-in is not: it is taken off the AWS opt-out lists first."""
        if queued or event is None or event.action is not Action.OPT_OUT:
            return None
        return self._queue_for(reply, deadline)

    def _queue_for(self, reply: InboundReply, deadline: Deadline | None) -> QueuedConfirmations | None:
        """The confirmation queue, when the confirmation of ``reply`` goes there: no slot of the number
        it is answered from comes within ``INLINE_WAIT_SECONDS`` that no other container competes for
        (``SmsGateway.slot_alone``); None: it is sent now (or there is no queue)."""
        if self._confirmations is None:
            return None
        identity = self._originations.answer_through(reply.our_number, deadline)
        if self._gateway.slot_alone(identity, INLINE_WAIT_SECONDS):
            return None
        self._gateway.release()  # not sending after all: the other containers keep the whole rate
        return self._confirmations

    def _claim(self, reply: InboundReply, event: PreferenceEvent | None, lease: Lease) -> Claim:
        """Apply ``event`` (if any) and take the customer's lease, in one write."""
        now_ms = int(self._clock() * 1000)
        if event is not None:
            return self._store.leases.apply_and_claim(event, lease, now_ms)
        state = self._store.leases.claim(reply.customer, lease, now_ms)
        return Claim(state or NO_EVENTS, applied=True, leased=state is not None)

    def _lift_suppression(self, reply: InboundReply, state: ConsentState) -> None:
        """Any reply shows the number reachable: a suppression from before it ends (one request more,
        made only when the state just written or read shows one)."""
        if state.suppressed is not None and self._suppressions is not None:
            self._suppressions.lift(reply.customer, replied_at=reply.timestamp)

    def _read_under_lease(self, receipt: Receipt, event: PreferenceEvent | None) -> tuple[Receipt, Answered]:
        """The receipt as stored now and, for an opt-out, the customer's answered history (both in one
        Query); the receipt alone (one GetItem) otherwise."""
        if event is not None and event.action is Action.OPT_OUT:
            return self._store.receipts.receipt_and_history(receipt)
        return self._store.receipts.get_receipt(receipt), []

    def _not_to_answer(
        self,
        event: PreferenceEvent | None,
        governing: Governing,
        state: ConsentState,
        history: Answered,
    ) -> ReplyOutcome | None:
        """Why the reply is recorded but not answered, under the lease; None when it is answered."""
        if event is None:
            return None
        if self._confirmed_already(event, governing, history):
            # One confirmation per opt-out: the customer was told already; in the history, not answered.
            return ReplyOutcome.ALREADY_OPTED_OUT
        if not confirmation_holds(state, governing, self._settings.scope, event.action):
            # The sender would not do what the confirmation says (a later event for all numbers,
            # or under scope ALL for another number, decides): recorded, not answered.
            return ReplyOutcome.SUPERSEDED
        return None

    def _aws_lists_honour(self, event: PreferenceEvent, governing: Governing) -> bool:
        """For an opt-in: whether the number is off the AWS opt-out lists (removed now, or never on):
        every governed list under scope ALL, the lists of ``governing``'s identities under ORIGINATION."""
        if event.action is not Action.OPT_IN or self._list_removal is None:
            return True
        identities = None if self._settings.scope is Scope.ALL else _identities(governing)
        return self._list_removal.remove(event.customer, event, identities).honoured

    def _now(self) -> str:
        return event_time(datetime.fromtimestamp(self._clock(), UTC))

    def _confirmed_already(self, event: PreferenceEvent, governing: Governing, history: Answered) -> bool:
        """Whether the customer sending the opt-out ``event`` was told by SMS already that they are
        opted out from ``governing`` (``history`` read under the lease, so no other reply is answered
        meanwhile)."""
        if event.action is not Action.OPT_OUT:
            return False
        entry = StateEntry.from_history_item(event.history_item())
        return opt_out_confirmed_already(history, entry, governing, self._settings.scope)

    def _governing(self, reply: InboundReply) -> Governing:
        """The origination keys that govern sends from the number ``reply`` came to. Under scope ALL
        every event governs every send, so no pool is read; under ORIGINATION a configured pool's
        numbers are (a control-plane call, made only once the reply is recorded: a failure delays
        the answer, which Lambda's retry sends)."""
        if self._settings.scope is Scope.ALL:
            return reply.our_number
        try:
            return self._originations.resolve(reply.our_number).governing
        except (BotoCoreError, ClientError) as error:
            raise ConfirmationNotSentError(
                f"the reply of {mask(reply.customer)} is recorded but the pool of its number could not be "
                f"read: {error_code(error)}"
            ) from error

    def _settle(self, receipt: Receipt, outcome: str) -> None:
        self._store.receipts.settle_reply(receipt, outcome, None)
        self._log(receipt, outcome)

    def _finish(
        self,
        receipt: Receipt,
        settled_as: str,
        lease: Lease,
        message_id: str | None = None,
        confirmed: tuple[PreferenceEvent, str] | None = None,
        *,
        unsettled_only: bool = False,
    ) -> bool:
        """Settle the receipt (confirming the event) and release the lease in one write; True once done.
        ``unsettled_only``: unless another delivery settled the receipt already (False: nothing written)."""
        if not self._store.receipts.finish_reply(
            receipt, settled_as, lease, message_id, confirmed, unsettled_only=unsettled_only
        ):
            logger.info("repeated delivery from %s: settled by another delivery", mask(receipt.customer))
            return False
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
            from sms_opt_out.sms.aws_opt_out_lists import is_opted_out_answer  # a refused answer only

            if isinstance(error, ClientError) and is_opted_out_answer(error):
                logger.info(
                    "%s is on an AWS opt-out list: %s recorded, unanswered", mask(reply.customer), intent
                )
                raise AnswerRefusedAsOptedOutError(intent.value) from error
            raise ConfirmationNotSentError(
                f"{intent.value} of {mask(reply.customer)} is recorded but its answer failed: "
                f"{error if isinstance(error, DeadlineReachedError) else error_code(error)}"
            ) from error


def _preference_event(
    reply: InboundReply, classification: Classification, recorded_at: str, replied_to: tuple[str, str]
) -> PreferenceEvent:
    """The opt-out or opt-in that ``reply`` expresses, for the number or agent it was sent to (a pool's
    sends are governed by each of its members), with the evidence of how it matched."""
    origination, channel = replied_to
    return PreferenceEvent(
        customer=reply.customer,
        origination=origination,
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
    )


def _queue(queue: QueuedConfirmations, reply: InboundReply) -> None:
    """Put the confirmation of ``reply`` on ``queue`` (SQS refusing it raises: Lambda retries)."""
    try:
        queue.put(reply)
    except (BotoCoreError, ClientError) as error:
        raise ConfirmationNotSentError(
            f"the confirmation of {mask(reply.customer)} is recorded but could not be queued: "
            f"{error_code(error)}"
        ) from error


def _identities(governing: Governing) -> frozenset[str]:
    """The origination keys ``governing`` names, as a set."""
    return frozenset([governing]) if isinstance(governing, str) else frozenset(governing)
