"""The guarded sender: texts only customers who have not opted out, and fails closed."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from .consent import is_blocked
from .errors import InvalidFieldError, InvalidRequestError, SendFailedError
from .failed_sends import FailedSend, FailedSendQueue
from .opt_out_store import OptOutStore
from .phone_numbers import is_phone_number_reference, to_e164, to_origination_number
from .preferences import Scope
from .sms_gateway import SmsGateway, error_code

logger = logging.getLogger(__name__)

ALIASES = {"OID": "OriginationIdentity", "SourcePhoneNumber": "DestinationPhoneNumber"}
"""The blog sample's request names, accepted beside SendTextMessage's own."""
REQUIRED = ("DestinationPhoneNumber", "OriginationIdentity", "MessageBody")


@dataclass(frozen=True)
class _Prepared:
    params: dict[str, Any]
    destination: str
    origination_number: str


class GuardedSender:
    """Checks the opt-out state of every recipient before calling SendTextMessage."""

    def __init__(
        self,
        store: OptOutStore,
        gateway: SmsGateway,
        scope: Scope = Scope.ALL,
        failed_sends: FailedSendQueue | None = None,
    ) -> None:
        self._store = store
        self._gateway = gateway
        self._scope = scope
        self._failed_sends = failed_sends

    def send_one(self, request: Any) -> dict[str, Any]:
        """Send one request unless its recipient opted out; raise SendFailedError if SendTextMessage fails.

        The error names only the error code (safe to log); Lambda's retries and on-failure
        destination keep the request of an asynchronous invocation.
        """
        (result,), _ = self._send([request])
        if result["status"] == "FAILED":
            raise SendFailedError(f"SendTextMessage failed: {result['code']}", result["code"])
        return result

    def send_batch(self, requests: Sequence[Any]) -> list[dict[str, Any]]:
        """Send each request unless its recipient opted out; results keep the requests' order.

        Reads the consent of every recipient first (one request per 100) and raises, sending
        nothing, when that read fails. A failed send gives that request ``FAILED`` and is kept on
        the failed-send queue (the dead-letter queue), so it is never lost, even when nobody reads
        the results.
        """
        results, failures = self._send(requests)
        if failures and self._failed_sends is not None:
            self._failed_sends.keep(failures)
        return results

    def _send(self, requests: Sequence[Any]) -> tuple[list[dict[str, Any]], list[FailedSend]]:
        results: list[dict[str, Any] | None] = [None] * len(requests)
        failures: list[FailedSend] = []
        prepared: list[tuple[int, _Prepared]] = []
        for index, request in enumerate(requests):
            try:
                prepared.append((index, self._prepare(request)))
            except InvalidFieldError as error:
                results[index] = {"status": "INVALID", "error": str(error)}
        states = self._store.consent_states(p.destination for _, p in prepared)
        for index, item in prepared:
            if is_blocked(states[item.destination], item.origination_number, self._scope):
                results[index] = {"status": "OPTED_OUT"}
                continue
            try:
                results[index] = {"status": "SENT", "messageId": self._gateway.send_text(item.params)}
            except (BotoCoreError, ClientError) as error:
                code = error_code(error)
                logger.warning("SendTextMessage failed: %s", code)
                results[index] = {"status": "FAILED", "code": code, "error": str(error)}
                failures.append(FailedSend(item.params, code, str(error)))
        done = [result for result in results if result is not None]
        logger.info("send batch of %d: %s", len(done), dict(Counter(r["status"] for r in done)))
        return done, failures

    def _prepare(self, request: Any) -> _Prepared:
        if not isinstance(request, Mapping):
            raise InvalidRequestError("request", "must be an object with SendTextMessage parameters")
        params: dict[str, Any] = {}
        for name, value in request.items():
            canonical = ALIASES.get(name, name)
            if canonical in params:
                raise InvalidRequestError(name, f"{canonical} is given twice")
            params[canonical] = value
        for name in REQUIRED:
            if not isinstance(params.get(name), str) or not params[name].strip():
                raise InvalidRequestError(name, "is required and must be a non-empty string")
        # normalised first: the number checked for consent is exactly the one sent to
        params["DestinationPhoneNumber"] = to_e164(params["DestinationPhoneNumber"], "DestinationPhoneNumber")
        self._gateway.check_request(params)
        return _Prepared(params, params["DestinationPhoneNumber"], self._origination_number(params))

    def _origination_number(self, params: Mapping[str, Any]) -> str:
        identity = params["OriginationIdentity"].strip()
        if is_phone_number_reference(identity):
            return self._gateway.phone_number(identity)
        try:
            return to_origination_number(identity, "OriginationIdentity")
        except InvalidFieldError:
            raise InvalidRequestError(
                "OriginationIdentity", "must be an E.164 number, a phone number ID or a phone number ARN"
            ) from None
