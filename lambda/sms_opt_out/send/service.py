"""The guarded sender: texts only customers who have not opted out, and fails closed.

It orchestrates: requests are checked and their origination resolved (``origination``), sent
concurrently (``dispatch``) at each identity's pace (``sms_gateway`` with ``pacing``), each
against a consent read at most five seconds old (``consent_reads``), at most once per idempotency
key (``idempotency``), and only while the invocation has time (``deadline``). What a direct batch
could not send in time goes to the send queue (``queued_sends``).
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from sms_opt_out.domain.consent import is_blocked
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.domain.phone_numbers import to_e164
from sms_opt_out.domain.preferences import ConsentState, Scope
from sms_opt_out.errors import DeadlineReachedError, InvalidFieldError, InvalidRequestError
from sms_opt_out.outcomes import SendStatus
from sms_opt_out.send.consent_reads import ConsentReads
from sms_opt_out.send.dispatch import DEFAULT_CONCURRENCY, dispatch
from sms_opt_out.send.rules import SendRules
from sms_opt_out.sms.aws_opt_out_lists import AwsOptOutLearner, failure_code, is_opted_out_answer
from sms_opt_out.sms.gateway import THROTTLING, SmsGateway, error_code, outcome_unknown
from sms_opt_out.sms.origination import Origination, Originations
from sms_opt_out.sms.send_operations import ALIASES, NOTIFY, send_operation
from sms_opt_out.storage.idempotency import MAX_KEY_LENGTH, Claim, IdempotencyKeys, request_fingerprint
from sms_opt_out.storage.opt_out_store import OptOutStore

if TYPE_CHECKING:  # the queues' modules are imported by whoever makes them (runtime), not by the sender
    from sms_opt_out.storage.failed_sends import FailedSendQueue
    from sms_opt_out.storage.queued_sends import QueuedSends

logger = logging.getLogger(__name__)

IDEMPOTENCY_KEY = "IdempotencyKey"
"""Ours, never passed to AWS: at most one send per key within 24 hours."""
RETRYABLE_CODES = frozenset({THROTTLING, "InternalServerException"})
"""Failures that may succeed later: the caller's redelivery retries them. An unkeyed 5xx among them
may have been sent (a keyed one is UNKNOWN instead, and never retried)."""
DEFERRED = {"status": "DEFERRED"}
CONFIGURATION_SET = "ConfigurationSetName"


class Redelivery(enum.Enum):
    """Who tries a request again, which decides what is kept on the failed-sends queue."""

    NONE = "NONE"
    """A direct batch: nobody retries, so what it did not send goes to the send queue (QUEUED), and
    every FAILED or UNKNOWN request is kept."""
    INVOCATION = "INVOCATION"
    """A single request: Lambda retries the whole invocation when it raises; nothing is kept."""
    PER_MESSAGE = "PER_MESSAGE"
    """SQS: DEFERRED and retryable failures come back; INVALID, UNKNOWN and other failures are kept."""


KEPT_STATUSES: Mapping[Redelivery, frozenset[str]] = {
    Redelivery.NONE: frozenset({SendStatus.FAILED, SendStatus.UNKNOWN, SendStatus.DEFERRED}),
    Redelivery.PER_MESSAGE: frozenset({SendStatus.INVALID, SendStatus.FAILED, SendStatus.UNKNOWN}),
}
"""What is kept on the failed-sends queue, per ``Redelivery``: what nobody retries. A direct
batch's DEFERRED requests are there only when the send queue could not take them."""


@dataclass(frozen=True)
class _Prepared:
    index: int
    request: Any
    params: dict[str, Any]
    destination: str
    origination: Origination
    key: str | None
    fingerprint: str
    """Of the request's parameters, stored with its key (a key reused for another request is INVALID);
    empty for a request without a key, which nothing compares."""


@dataclass
class SendOutcome:
    """What one invocation did: results in the requests' order, and what to publish or retry."""

    results: list[dict[str, Any]]
    throttles: Counter[str] = field(default_factory=Counter)
    """ThrottlingException answers per origination identity, retried or not."""
    retry: list[int] = field(default_factory=list)
    """Indexes the caller should deliver again (with ``Redelivery.PER_MESSAGE``)."""
    sent: int = 0


def retryable(result: Mapping[str, Any]) -> bool:
    """True for a result that sent nothing and may be tried again as it is."""
    return result["status"] == "DEFERRED" or (
        result["status"] == "FAILED" and result.get("code") in RETRYABLE_CODES
    )


@dataclass
class _Run:
    """The state one invocation's workers share."""

    deadline: Deadline
    consent: ConsentReads
    results: list[dict[str, Any] | None]
    throttles: Counter[str] = field(default_factory=Counter)
    sent: int = 0
    error: BaseException | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


class GuardedSender:
    """Checks the opt-out state of every recipient just before calling SendTextMessage."""

    def __init__(
        self,
        store: OptOutStore,
        gateway: SmsGateway,
        originations: Originations,
        keys: IdempotencyKeys,
        scope: Scope = Scope.ALL,
        failed_sends: FailedSendQueue | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        aws_opt_outs: AwsOptOutLearner | None = None,
        default_configuration_set: str | None = None,
        queued_sends: QueuedSends | None = None,
        send_rules: SendRules | None = None,
    ) -> None:
        """``default_configuration_set`` is named on every send that names none (delivery events)."""
        self._store = store
        self._send_rules = send_rules or SendRules()
        self._aws_opt_outs = aws_opt_outs or AwsOptOutLearner(store, scope)
        self._configuration_set = default_configuration_set
        self._gateway = gateway
        self._originations = originations
        self._scope = scope
        self._failed_sends = failed_sends
        self._keys = keys
        self._concurrency = concurrency
        self._queued_sends = queued_sends

    def send(
        self,
        requests: Sequence[Any],
        deadline: Deadline | None = None,
        redelivery: Redelivery = Redelivery.NONE,
    ) -> SendOutcome:
        """Send each request unless its recipient opted out; results keep the requests' order.

        Raises, having sent nothing, when consent cannot be read before any text went out. Once
        one has, nothing is raised: what could not be done is returned (``DEFERRED``, ``FAILED``,
        ``UNKNOWN``) and kept on the failed-send queue as ``redelivery`` says. A direct batch
        (``Redelivery.NONE``) puts what it did not send in time on the send queue (``QUEUED``).
        At the end of a batch this container gives back its share of each number's rate
        (``shared_rates``); a single send keeps its lease to its end, so a text costs no write of its own.
        """
        deadline = deadline or Deadline.none()
        results: list[dict[str, Any] | None] = [None] * len(requests)
        prepared: list[_Prepared] = []
        for index, request in enumerate(requests):
            try:
                prepared.append(self._prepare(index, request, deadline))
            except InvalidFieldError as error:
                results[index] = {"status": "INVALID", "error": str(error)}
            except (BotoCoreError, ClientError) as error:  # the origination lookup, for this request only
                results[index] = self._failed(error)
        first_of_key: dict[str, int] = {}
        prepared_by_index = {item.index: item for item in prepared}
        repeats: dict[int, int] = {}
        unique: list[_Prepared] = []
        for item in prepared:
            if item.key in first_of_key:
                first = prepared_by_index[first_of_key[item.key]]
                if first.fingerprint != item.fingerprint:
                    results[item.index] = _conflict(item.key)
                else:
                    repeats[item.index] = first.index
                continue
            if item.key is not None:
                first_of_key[item.key] = item.index
            unique.append(item)
        run = _Run(deadline, ConsentReads(self._store, [i.destination for i in unique]), results)
        try:
            not_started = dispatch(
                unique,
                lane=lambda item: item.origination.key,
                next_free=self._gateway.next_free,
                work=lambda item: self._send_one(item, run),
                concurrency=self._concurrency,
                stop=run.stop,
            )
        finally:
            if len(requests) > 1:  # a batch: the fleet's other containers take this one's share of each rate
                self._gateway.release()  # (a single send keeps its lease to its end: no write per text)
        if run.error is not None and run.sent == 0:
            raise run.error
        for item in not_started:
            results[item.index] = dict(DEFERRED)
        if redelivery is Redelivery.NONE:
            self._queue_deferred(requests, results)
        for index, first_index in repeats.items():
            results[index] = dict(results[first_index] or DEFERRED)
        done: list[dict[str, Any]] = [r for r in results if r is not None]
        outcome = SendOutcome(done, run.throttles, sent=run.sent)
        self._settle_failures(outcome, requests, redelivery)
        logger.info("send batch of %d: %s", len(done), dict(Counter(r["status"] for r in done)))
        return outcome

    # One request --------------------------------------------------------------------------

    def _send_one(self, item: _Prepared, run: _Run) -> None:
        try:
            result = self._guarded_send(item, run)
        except Exception as error:  # noqa: BLE001 - consent or key unreadable: this request is not sent
            # Fail closed: the whole run raises if nothing went out yet, else this request is DEFERRED.
            logger.error("request not sent, its consent or key could not be read: %s", type(error).__name__)
            with run.lock:
                run.error = run.error or error
                if run.sent == 0:
                    run.stop.set()
            result = dict(DEFERRED)
        run.results[item.index] = result
        run.consent.done(item.destination)

    def _guarded_send(self, item: _Prepared, run: _Run) -> dict[str, Any]:
        if not run.deadline.allows_send_at(time.monotonic()):
            return dict(DEFERRED)
        state = run.consent.state(item.destination)
        if self._blocked(state, item.origination):
            return {"status": "OPTED_OUT"}
        if state.suppressed is not None:  # the carriers report the number invalid or blocked
            return {"status": "SUPPRESSED", "reason": state.suppressed}
        if item.key is not None:
            record = self._keys.claim(item.key, run.deadline.expires_at, item.fingerprint)
            if record.claim is Claim.CONFLICT:
                return _conflict(item.key)
            if record.claim is Claim.DONE:
                return dict(record.result or DEFERRED)
            if record.claim is Claim.IN_PROGRESS:
                return dict(DEFERRED)
        # after consent and the key: a held or capped request sends nothing and releases its key
        result = self._send_rules.guard(item.params, lambda: self._paced_send(item, run))
        if item.key is not None:
            self._settle_key(item, result)
        return result

    def _paced_send(self, item: _Prepared, run: _Run) -> dict[str, Any]:
        try:
            message_id = self._gateway.send(
                item.params,
                deadline=run.deadline,
                throttles=run.throttles,
                still_wanted=lambda: not self._blocked(run.consent.state(item.destination), item.origination),
            )
        except DeadlineReachedError:
            return dict(DEFERRED)
        except (BotoCoreError, ClientError) as error:
            if error_code(error) == THROTTLING:
                return dict(DEFERRED)  # throttled until the time ran out: nothing sent
            if is_opted_out_answer(error):  # on the identity's AWS opt-out list: an opt-out, learned
                operation = self._gateway.operation(item.params).name
                seen = run.consent.state(item.destination)
                return self._aws_opt_outs.learn(item.params, item.origination, error, operation, seen)
            if item.key is not None and outcome_unknown(error):
                return self._failed(error, SendStatus.UNKNOWN)  # the key keeps it from ever going twice
            return self._failed(error)
        if message_id is None:
            return {"status": "OPTED_OUT"}
        with run.lock:
            run.sent += 1
        return {"status": "SENT", "messageId": message_id}

    def _settle_key(self, item: _Prepared, result: dict[str, Any]) -> None:
        """Keep the key on what may have been sent (SENT, UNKNOWN) or was decided (OPTED_OUT); free it
        on an answer that proves nothing was sent (DEFERRED, throttled, refused), so a retry may send."""
        assert item.key is not None
        try:
            if result["status"] in (SendStatus.SENT, SendStatus.OPTED_OUT, SendStatus.UNKNOWN):
                self._keys.finish(item.key, result, item.fingerprint)
            else:
                self._keys.release(item.key)
        except (BotoCoreError, ClientError) as error:
            logger.error("idempotency key not settled (it expires on its own): %s", error_code(error))

    @staticmethod
    def _failed(error: BotoCoreError | ClientError, status: SendStatus = SendStatus.FAILED) -> dict[str, Any]:
        code = failure_code(error)
        logger.warning("send %s: %s", "failed" if status is SendStatus.FAILED else "outcome unknown", code)
        return {"status": status.value, "code": code, "error": str(error)}

    def _blocked(self, state: ConsentState, origination: Origination) -> bool:
        return is_blocked(state, origination.governing, self._scope)

    # Failures -----------------------------------------------------------------------------

    def _queue_deferred(self, requests: Sequence[Any], results: list[dict[str, Any] | None]) -> None:
        """Put each DEFERRED request of a direct batch on the send queue and mark it QUEUED.

        One held by the send rules keeps its ``notBefore`` and ``reason`` (the queue's consumer holds it
        until then). One the queue does not take stays DEFERRED, and is then kept on the failed-sends queue.
        """
        deferred = [i for i, r in enumerate(results) if r is not None and r["status"] == SendStatus.DEFERRED]
        if not deferred or self._queued_sends is None:
            return
        try:
            ids = self._queued_sends.put([requests[i] for i in deferred])
        except (BotoCoreError, ClientError) as error:
            logger.error("deferred sends not queued, keeping them: %s", error_code(error))
            return
        for index, message_id in zip(deferred, ids, strict=True):
            if message_id is not None:
                held = {k: v for k, v in (results[index] or {}).items() if k in ("notBefore", "reason")}
                results[index] = {"status": SendStatus.QUEUED.value, "queueMessageId": message_id, **held}
        logger.info("queued %d of %d deferred sends", len(deferred) - ids.count(None), len(deferred))

    def _settle_failures(self, outcome: SendOutcome, requests: Sequence[Any], redelivery: Redelivery) -> None:
        kept: list[int] = []
        for index, result in enumerate(outcome.results):
            if redelivery is Redelivery.PER_MESSAGE and retryable(result):
                outcome.retry.append(index)
            elif result["status"] in KEPT_STATUSES.get(redelivery, frozenset()):
                kept.append(index)
        if not kept:
            return
        if self._failed_sends is None:
            if redelivery is Redelivery.PER_MESSAGE:
                outcome.retry.extend(kept)  # nowhere to keep them: never drop a message
            return
        from sms_opt_out.storage.failed_sends import FailedSend  # imported already: it made _failed_sends

        failures = [
            FailedSend(
                requests[i],
                outcome.results[i].get("code", outcome.results[i]["status"]),
                outcome.results[i].get("error", "not sent in time, and the send queue did not take it"),
                outcome.results[i]["status"],
            )
            for i in kept
        ]
        try:
            self._failed_sends.keep(failures)
        except Exception as error:
            if outcome.sent == 0:
                raise
            logger.error("failed sends could not be kept: %s", type(error).__name__)
            if redelivery is Redelivery.PER_MESSAGE:
                outcome.retry.extend(kept)
        outcome.retry.sort()

    # Checking a request -------------------------------------------------------------------

    def _prepare(self, index: int, request: Any, deadline: Deadline) -> _Prepared:
        if not isinstance(request, Mapping):
            raise InvalidRequestError(
                "request",
                "must be an object with SendTextMessage, SendMediaMessage, SendRcsMessage or "
                "SendNotifyTextMessage parameters",
            )
        params: dict[str, Any] = {}
        for name, value in request.items():
            canonical = ALIASES.get(name) or name
            if canonical in params:
                raise InvalidRequestError(name, f"{canonical} is given twice")
            params[canonical] = value
        key = params.pop(IDEMPOTENCY_KEY, None)
        if key is not None and (not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY_LENGTH):
            raise InvalidRequestError(
                IDEMPOTENCY_KEY, f"must be a non-empty string of at most {MAX_KEY_LENGTH} characters"
            )
        operation = send_operation(params)
        for name in operation.required:
            if not isinstance(params.get(name), str) or not params[name].strip():
                raise InvalidRequestError(name, "is required and must be a non-empty string")
        # normalised first: the number checked for consent is exactly the one sent to
        params["DestinationPhoneNumber"] = to_e164(params["DestinationPhoneNumber"], "DestinationPhoneNumber")
        if self._configuration_set and not params.get(CONFIGURATION_SET):
            params[CONFIGURATION_SET] = self._configuration_set
        self._gateway.check_request(params)
        identity = params[operation.identity]
        if operation is NOTIFY:
            origination = self._originations.resolve_notify(identity, deadline)
        else:
            origination = self._originations.resolve(identity, deadline)
        return _Prepared(
            index,
            request,
            params,
            params["DestinationPhoneNumber"],
            origination,
            key,
            request_fingerprint(params) if key is not None else "",
        )


def _conflict(key: str) -> dict[str, Any]:
    """The result of a request whose idempotency key was used for a different request."""
    return {
        "status": SendStatus.INVALID.value,
        "error": f"{IDEMPOTENCY_KEY}: {key!r} was used for a different request (customer, origination "
        "or body) within 24 hours; give this request a key of its own",
    }
