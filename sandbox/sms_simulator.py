"""A local End User Messaging SMS (``pinpoint-sms-voice-v2``) that speaks the real wire protocol.

Requests are JSON over HTTP (``X-Amz-Target: PinpointSMSVoiceV2.<Operation>``), checked against
botocore's service model (types, and the lengths, ranges, patterns and enums AWS checks), so a
handler pointed at it with ``AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2`` talks to it exactly as it
talks to AWS. Every phone keeps an inbox, and faults can be injected.
Like AWS, it can take time to answer (``latency``) and answer ``ThrottlingException`` above a
number's messages per second (``limit_rate``) or an operation's requests per second
(``limit_operation``; the control plane's default quota is 1).

Pools (``CreatePool``, ``AssociateOriginationIdentity``, ``ListPoolOriginationIdentities``,
``UpdatePool``) govern their numbers' two-way settings, as on AWS, and a send through a pool goes
from its numbers in turn. Sender IDs (``add_sender_id``) send one-way; ``SendMediaMessage`` delivers
an MMS (its ``MediaUrls`` kept in the inbox).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import boto3
import botocore.session
from botocore.validate import ParamValidator

from sms_opt_out.model_constraints import violation

TARGET_PREFIX = "PinpointSMSVoiceV2."
ACCOUNT = "123456789012"
POOL_PAGE_SIZE = 3
"""ListPoolOriginationIdentities' page without MaxResults: small, so callers must follow NextToken."""


ERROR_STATUS = {
    "ThrottlingException": 429,
    "InternalServerException": 500,
    "ServiceUnavailableException": 503,
}
"""The HTTP status AWS answers an error code with, where it is not 400."""


class SimulatedError(Exception):
    """An error answered in the service's own shape (``__type`` and ``Message``)."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


class _Server(ThreadingHTTPServer):
    request_queue_size = 256
    """Connections waiting to be accepted: a concurrent sender opens dozens at once."""
    daemon_threads = True


class _TokenBucket:
    """AWS's rate limit: ``per_second`` tokens a second, up to one second's worth held at once."""

    def __init__(self, per_second: float) -> None:
        self.per_second = per_second
        self._capacity = max(1.0, per_second)
        self._tokens = self._capacity
        self._updated = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self._tokens = min(self._capacity, self._tokens + (now - self._updated) * self.per_second)
        self._updated = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True


@dataclass
class TextMessage:
    message_id: str
    origination: str
    destination: str
    body: str
    message_type: str | None
    sent_at: str
    media_urls: tuple[str, ...] = ()
    """An MMS's media (``SendMediaMessage``); empty for a text."""


@dataclass
class SimulatorState:
    region: str = "us-east-1"
    phone_numbers: dict[str, dict[str, Any]] = field(default_factory=dict)
    pools: dict[str, dict[str, Any]] = field(default_factory=dict)
    pool_members: dict[str, list[str]] = field(default_factory=dict)
    """By pool ID: the ARNs of its origination identities, in the order they joined."""
    sender_ids: dict[str, dict[str, Any]] = field(default_factory=dict)
    sends_through_pool: Counter[str] = field(default_factory=Counter)
    inboxes: dict[str, list[TextMessage]] = field(default_factory=lambda: defaultdict(list))
    opt_out_lists: dict[str, dict[str, str]] = field(default_factory=dict)
    faults: dict[str, list[SimulatedError]] = field(default_factory=lambda: defaultdict(list))
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    number_limits: dict[str, _TokenBucket] = field(default_factory=dict)
    """By E.164 number: SendTextMessage's messages per second from it."""
    operation_limits: dict[str, _TokenBucket] = field(default_factory=dict)
    throttled: list[tuple[str, str]] = field(default_factory=list)
    """(operation, identity) of every call answered with ThrottlingException by a rate limit."""


class SmsSimulator:
    """Runs on 127.0.0.1 in a background thread; use as a context manager."""

    def __init__(self, region: str = "us-east-1", latency: float = 0.0) -> None:
        self.state = SimulatorState(region=region)
        self.latency = latency
        """Seconds every call takes before it is answered (requests in flight overlap, as on AWS)."""
        self.in_flight = 0
        self.peak_in_flight = 0
        """The most calls in flight at once so far."""
        self._model = botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2")
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._operations: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
            "SendTextMessage": self._send_text_message,
            "SendMediaMessage": self._send_media_message,
            "CreatePool": self._create_pool,
            "AssociateOriginationIdentity": self._associate_origination_identity,
            "ListPoolOriginationIdentities": self._list_pool_origination_identities,
            "UpdatePool": self._update_pool,
            "DescribePhoneNumbers": self._describe_phone_numbers,
            "UpdatePhoneNumber": self._update_phone_number,
            "DescribeOptedOutNumbers": self._describe_opted_out_numbers,
            "PutOptedOutNumber": self._put_opted_out_number,
            "CreateOptOutList": self._create_opt_out_list,
        }

    # Lifecycle ---------------------------------------------------------------------------

    @property
    def endpoint_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> SmsSimulator:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # Test and demo controls ---------------------------------------------------------------

    def add_phone_number(
        self,
        number: str,
        number_type: str = "TOLL_FREE",
        iso_country_code: str = "US",
        messages_per_second: int | None = None,
        report_limits: bool = True,
    ) -> dict[str, Any]:
        """Register one of our numbers; returns its description (with PhoneNumberId and Arn).

        ``messages_per_second`` limits its sends (``limit_rate``) and, with ``report_limits``, is what
        DescribePhoneNumbers reports of it (``MessagingLimits.RateLimits``, as AWS does).
        """
        phone_id = "phone-" + uuid.uuid5(uuid.NAMESPACE_OID, number).hex
        description = {
            "PhoneNumberArn": f"arn:aws:sms-voice:{self.state.region}:{ACCOUNT}:phone-number/{phone_id}",
            "PhoneNumberId": phone_id,
            "PhoneNumber": number,
            "Status": "ACTIVE",
            "IsoCountryCode": iso_country_code,
            "MessageType": "TRANSACTIONAL",
            "NumberCapabilities": ["SMS"],
            "NumberType": number_type,
            "MonthlyLeasingPrice": "2.00",
            "TwoWayEnabled": False,
            "SelfManagedOptOutsEnabled": False,
            "OptOutListName": "Default",
            "DeletionProtectionEnabled": False,
            "CreatedTimestamp": datetime.now(UTC).timestamp(),
        }
        if messages_per_second is not None:
            self.limit_rate(number, messages_per_second)
            if report_limits:
                description["MessagingLimits"] = {"RateLimits": {"SMS": messages_per_second}}
        with self._lock:
            self.state.phone_numbers[phone_id] = description
        return description

    def add_sender_id(self, sender_id: str, iso_country_code: str = "GB") -> dict[str, Any]:
        """Register a sender ID of ours (alphanumeric, one-way); returns its description."""
        description = {
            "SenderIdArn": (
                f"arn:aws:sms-voice:{self.state.region}:{ACCOUNT}:sender-id/{sender_id}/{iso_country_code}"
            ),
            "SenderId": sender_id,
            "IsoCountryCode": iso_country_code,
            "MessageTypes": ["TRANSACTIONAL"],
            "MonthlyLeasingPrice": "0.00",
            "DeletionProtectionEnabled": False,
            "Registered": True,
        }
        with self._lock:
            self.state.sender_ids[sender_id] = description
        return description

    def pool_of(self, identity: str) -> dict[str, Any] | None:
        """The pool a phone number (its number, ID or ARN) belongs to, or None."""
        with self._lock:
            return self._pool_of(self._find_number(identity)["PhoneNumberArn"])

    def inbox(self, number: str) -> list[TextMessage]:
        """Texts delivered to ``number`` so far."""
        with self._lock:
            return list(self.state.inboxes[number])

    def fail_next(
        self,
        operation: str,
        code: str = "ThrottlingException",
        times: int = 1,
        message: str | None = None,
        status: int | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``operation`` fail with ``code`` (and ``message``), with
        ``status`` or AWS's for the code: 429 for throttling, 500 for ``InternalServerException``
        and ``ServiceUnavailableException``, else 400."""
        status = status or ERROR_STATUS.get(code, 400)
        with self._lock:
            self.state.faults[operation].extend(
                SimulatedError(code, message or f"injected {code}", status) for _ in range(times)
            )

    def limit_rate(self, number: str, messages_per_second: float) -> None:
        """Answer ThrottlingException to SendTextMessage from ``number`` above this rate."""
        with self._lock:
            self.state.number_limits[number] = _TokenBucket(messages_per_second)

    def limit_operation(self, operation: str, requests_per_second: float = 1.0) -> None:
        """Answer ThrottlingException to ``operation`` above this rate (the account's quota)."""
        with self._lock:
            self.state.operation_limits[operation] = _TokenBucket(requests_per_second)

    def heal(self) -> None:
        """Drop every fault still waiting to be injected."""
        with self._lock:
            self.state.faults.clear()

    def receive(self, from_number: str, to_number: str, body: str) -> str:
        """A customer texts one of our numbers: publish the inbound JSON to its two-way channel.

        Returns the inbound message ID. The topic is reached through boto3's normal endpoint
        configuration, so with ``AWS_ENDPOINT_URL_SNS`` set it is moto's.
        """
        with self._lock:
            number = self._find_number(to_number)
            settings = self._pool_of(number["PhoneNumberArn"]) or number  # a pool governs its numbers
            if not settings["TwoWayEnabled"] or not settings.get("TwoWayChannelArn"):
                raise SimulatedError("ValidationException", f"two-way SMS is off for {to_number}")
            previous = self.state.inboxes[from_number]
            message = {
                "originationNumber": from_number,
                "destinationNumber": number["PhoneNumber"],
                "messageKeyword": f"KEYWORD_{ACCOUNT}",
                "messageBody": body,
                "previousPublishedMessageId": previous[-1].message_id if previous else "",
                "inboundMessageId": str(uuid.uuid4()),
            }
            topic_arn = settings["TwoWayChannelArn"]
        boto3.client("sns", region_name=self.state.region).publish(
            TopicArn=topic_arn, Message=json.dumps(message)
        )
        return message["inboundMessageId"]

    def calls(self, operation: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            return [params for name, params in self.state.calls if operation in (None, name)]

    # Protocol ------------------------------------------------------------------------------

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        simulator = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as AWS's endpoints: no new connection per call
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                target = self.headers.get("X-Amz-Target", "")
                status, body = simulator._dispatch(target, self.rfile.read(length))
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/x-amz-json-1.0")
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                return

        return Handler

    def _dispatch(self, target: str, raw: bytes) -> tuple[int, dict[str, Any]]:
        name = target.removeprefix(TARGET_PREFIX)
        try:
            operation = self._operations.get(name)
            if not target.startswith(TARGET_PREFIX) or operation is None:
                raise SimulatedError("UnknownOperationException", f"{target!r} is not simulated")
            params = json.loads(raw or b"{}")
            shape = self._model.operation_model(name).input_shape
            report = ParamValidator().validate(params, shape)
            if report.has_errors():
                raise SimulatedError("ValidationException", report.generate_report())
            found = violation(params, shape, "")
            if found:
                raise SimulatedError("ValidationException", ": ".join(found))
            with self._lock:
                self.in_flight += 1
                self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
            try:
                time.sleep(self.latency)
            finally:
                with self._lock:
                    self.in_flight -= 1
            with self._lock:
                self.state.calls.append((name, params))
                if self.state.faults[name]:
                    raise self.state.faults[name].pop(0)
                self._limit(name, params)
                return 200, operation(params)
        except SimulatedError as error:
            return error.status, {"__type": error.code, "Message": str(error)}

    # Operations (called with the lock held) -------------------------------------------------

    def _limit(self, name: str, params: dict[str, Any]) -> None:
        bucket = self.state.operation_limits.get(name)
        if bucket is not None and not bucket.take():
            self.state.throttled.append((name, "*"))
            raise SimulatedError("ThrottlingException", f"rate exceeded for {name}", 429)

    def _limit_number(self, name: str, number: str) -> None:
        bucket = self.state.number_limits.get(number)
        if bucket is not None and not bucket.take():
            self.state.throttled.append((name, number))
            raise SimulatedError("ThrottlingException", f"rate exceeded for {name}", 429)

    def _find_number(self, identity: str) -> dict[str, Any]:
        for description in self.state.phone_numbers.values():
            if identity in (description["PhoneNumberId"], description["PhoneNumberArn"]):
                return description
            if identity == description["PhoneNumber"]:
                return description
        raise SimulatedError("ResourceNotFoundException", f"phone number {identity!r} does not exist")

    def _find_pool(self, identity: str) -> dict[str, Any]:
        for description in self.state.pools.values():
            if identity in (description["PoolId"], description["PoolArn"]):
                return description
        raise SimulatedError("ResourceNotFoundException", f"pool {identity!r} does not exist")

    def _pool_of(self, arn: str) -> dict[str, Any] | None:
        return next(
            (
                self.state.pools[pool_id]
                for pool_id, members in self.state.pool_members.items()
                if arn in members
            ),
            None,
        )

    def _find_identity(self, identity: str) -> dict[str, Any]:
        """A phone number's or sender ID's description (by number, ID or ARN)."""
        for description in self.state.sender_ids.values():
            if identity in (description["SenderId"], description["SenderIdArn"]):
                return description
        return self._find_number(identity)

    def _sender(self, name: str, identity: str) -> str:
        """What a send from ``identity`` goes out as: a pool sends from its phone numbers in turn."""
        if identity.startswith(("pool-", f"arn:aws:sms-voice:{self.state.region}:{ACCOUNT}:pool/")):
            pool = self._find_pool(identity)
            numbers = [
                d["PhoneNumber"]
                for d in self.state.phone_numbers.values()
                if d["PhoneNumberArn"] in self.state.pool_members[pool["PoolId"]]
            ]
            if not numbers:
                raise SimulatedError("ValidationException", f"pool {pool['PoolId']} has no phone number")
            turn = self.state.sends_through_pool[pool["PoolId"]]
            self.state.sends_through_pool[pool["PoolId"]] += 1
            identity = numbers[turn % len(numbers)]
        found = self._find_identity(identity)
        sender = found.get("PhoneNumber") or found["SenderId"]
        self._limit_number(name, sender)
        return sender

    def _deliver(self, name: str, params: dict[str, Any]) -> dict[str, Any]:
        origination = self._sender(name, params["OriginationIdentity"])
        if params.get("DryRun"):
            return {"MessageId": "dry-run"}
        message = TextMessage(
            message_id=str(uuid.uuid4()),
            origination=origination,
            destination=params["DestinationPhoneNumber"],
            body=params.get("MessageBody", ""),
            message_type=params.get("MessageType"),
            sent_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
            media_urls=tuple(params.get("MediaUrls", ())),
        )
        self.state.inboxes[message.destination].append(message)
        return {"MessageId": message.message_id}

    def _send_text_message(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._deliver("SendTextMessage", params)

    def _send_media_message(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("MediaUrls") and not params.get("MessageBody"):
            raise SimulatedError("ValidationException", "give MediaUrls or a MessageBody")
        return self._deliver("SendMediaMessage", params)

    def _pool_member(self, identity: str) -> str:
        """The ARN of a phone number or sender ID that may join a pool (and is in none yet)."""
        found = self._find_identity(identity)
        arn = found.get("PhoneNumberArn") or found["SenderIdArn"]
        if self._pool_of(arn) is not None:
            raise SimulatedError("ConflictException", f"{identity!r} is already in a pool")
        return arn

    def _create_pool(self, params: dict[str, Any]) -> dict[str, Any]:
        member = self._pool_member(params["OriginationIdentity"])
        pool_id = "pool-" + uuid.uuid4().hex
        first = self._find_identity(params["OriginationIdentity"])
        description = {
            "PoolArn": f"arn:aws:sms-voice:{self.state.region}:{ACCOUNT}:pool/{pool_id}",
            "PoolId": pool_id,
            "Status": "ACTIVE",
            "MessageType": params["MessageType"],
            "TwoWayEnabled": first.get("TwoWayEnabled", False),
            "SelfManagedOptOutsEnabled": first.get("SelfManagedOptOutsEnabled", False),
            "OptOutListName": "Default",
            "SharedRoutesEnabled": False,
            "DeletionProtectionEnabled": bool(params.get("DeletionProtectionEnabled", False)),
            "CreatedTimestamp": datetime.now(UTC).timestamp(),
        }
        if first.get("TwoWayChannelArn"):
            description["TwoWayChannelArn"] = first["TwoWayChannelArn"]
        self.state.pools[pool_id] = description
        self.state.pool_members[pool_id] = [member]
        return dict(description)

    def _associate_origination_identity(self, params: dict[str, Any]) -> dict[str, Any]:
        pool = self._find_pool(params["PoolId"])
        member = self._pool_member(params["OriginationIdentity"])
        self.state.pool_members[pool["PoolId"]].append(member)
        return {
            "PoolArn": pool["PoolArn"],
            "PoolId": pool["PoolId"],
            "OriginationIdentityArn": member,
            "OriginationIdentity": member.rsplit("/", 1)[-1]
            if ":phone-number/" in member
            else member.split("/")[1],
            "IsoCountryCode": params.get("IsoCountryCode", "US"),
        }

    def _list_pool_origination_identities(self, params: dict[str, Any]) -> dict[str, Any]:
        pool = self._find_pool(params["PoolId"])
        members = []
        for arn in self.state.pool_members[pool["PoolId"]]:
            found = self._find_identity(arn)
            entry = {
                "OriginationIdentityArn": arn,
                "OriginationIdentity": found.get("PhoneNumberId") or found["SenderId"],
                "IsoCountryCode": found["IsoCountryCode"],
                "NumberCapabilities": found.get("NumberCapabilities", ["SMS"]),
            }
            if "PhoneNumber" in found:
                entry["PhoneNumber"] = found["PhoneNumber"]
            members.append(entry)
        start = int(params.get("NextToken") or 0)
        page_size = params.get("MaxResults") or POOL_PAGE_SIZE
        answer: dict[str, Any] = {
            "PoolArn": pool["PoolArn"],
            "PoolId": pool["PoolId"],
            "OriginationIdentities": members[start : start + page_size],
        }
        if start + page_size < len(members):
            answer["NextToken"] = str(start + page_size)
        return answer

    def _update_pool(self, params: dict[str, Any]) -> dict[str, Any]:
        description = self._find_pool(params["PoolId"])
        for name in ("TwoWayEnabled", "TwoWayChannelArn", "TwoWayChannelRole", "SelfManagedOptOutsEnabled",
                     "OptOutListName", "SharedRoutesEnabled", "DeletionProtectionEnabled"):  # fmt: skip
            if name in params:
                description[name] = params[name]
        return dict(description)

    def _describe_phone_numbers(self, params: dict[str, Any]) -> dict[str, Any]:
        ids = params.get("PhoneNumberIds")
        found = [self._find_number(i) for i in ids] if ids else list(self.state.phone_numbers.values())
        return {"PhoneNumbers": [dict(d) for d in found]}

    def _update_phone_number(self, params: dict[str, Any]) -> dict[str, Any]:
        description = self._find_number(params["PhoneNumberId"])
        if self._pool_of(description["PhoneNumberArn"]) is not None:
            raise SimulatedError(
                "ValidationException", "the number is in a pool: its pool's settings govern it (UpdatePool)"
            )
        for name in ("TwoWayEnabled", "TwoWayChannelArn", "TwoWayChannelRole", "SelfManagedOptOutsEnabled",
                     "OptOutListName", "DeletionProtectionEnabled"):  # fmt: skip
            if name in params:
                description[name] = params[name]
        return dict(description)

    def _opt_out_list(self, name: str) -> dict[str, str]:
        if name not in self.state.opt_out_lists:
            raise SimulatedError("ResourceNotFoundException", f"opt-out list {name!r} does not exist")
        return self.state.opt_out_lists[name]

    def _create_opt_out_list(self, params: dict[str, Any]) -> dict[str, Any]:
        name = params["OptOutListName"]
        self.state.opt_out_lists.setdefault(name, {})
        return {
            "OptOutListName": name,
            "OptOutListArn": f"arn:aws:sms-voice:{self.state.region}:{ACCOUNT}:opt-out-list/{name}",
        }

    def _put_opted_out_number(self, params: dict[str, Any]) -> dict[str, Any]:
        entries = self._opt_out_list(params["OptOutListName"])
        number = params["OptedOutNumber"]
        entries.setdefault(number, datetime.now(UTC).isoformat())
        return {
            "OptOutListName": params["OptOutListName"],
            "OptedOutNumber": number,
            "OptedOutTimestamp": datetime.fromisoformat(entries[number]).timestamp(),
            "EndUserOptedOut": False,
        }

    def _describe_opted_out_numbers(self, params: dict[str, Any]) -> dict[str, Any]:
        entries = self._opt_out_list(params["OptOutListName"])
        wanted = params.get("OptedOutNumbers")
        numbers = sorted(n for n in entries if not wanted or n in wanted)
        start = int(params.get("NextToken") or 0)
        page_size = params.get("MaxResults") or 50
        page = numbers[start : start + page_size]
        answer: dict[str, Any] = {
            "OptOutListName": params["OptOutListName"],
            "OptedOutNumbers": [
                {
                    "OptedOutNumber": n,
                    "OptedOutTimestamp": datetime.fromisoformat(entries[n]).timestamp(),
                    "EndUserOptedOut": True,
                }
                for n in page
            ],
        }
        if start + page_size < len(numbers):
            answer["NextToken"] = str(start + page_size)
        return answer
