"""A local End User Messaging SMS (``pinpoint-sms-voice-v2``) that speaks the real wire protocol.

Requests are JSON over HTTP (``X-Amz-Target: PinpointSMSVoiceV2.<Operation>``), checked against
botocore's service model (types, and the lengths, ranges, patterns and enums AWS checks), so a
handler pointed at it with ``AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2`` talks to it exactly as it
talks to AWS. Every phone keeps an inbox, and faults can be injected.
Like AWS, it can take time to answer (``latency``) and answer ``ThrottlingException`` above a
number's messages per second (``limit_rate``) or an operation's requests per second
(``limit_operation``; the control plane's default quota is 1).

A text sent through a configuration set (``CreateConfigurationSet``, ``CreateEventDestination`` with an
SNS destination) publishes its final delivery event there: ``*_DELIVERED``, or what
``set_delivery_outcome`` made of its destination. A destination on the identity's opt-out list is
refused with ``ConflictException`` (``DESTINATION_PHONE_NUMBER_OPTED_OUT``), and
``DeleteOptedOutNumber`` removes a number at most once every 30 days of ``clock``.

Pools (``CreatePool``, ``AssociateOriginationIdentity``, ``ListPoolOriginationIdentities``,
``UpdatePool``) govern their numbers' two-way settings, as on AWS, and a send through a pool goes
from its numbers in turn. Sender IDs (``add_sender_id``) send one-way; ``SendMediaMessage`` delivers
an MMS (its ``MediaUrls`` kept in the inbox).
"""

from __future__ import annotations

import json
import queue
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import boto3
import botocore.session
from botocore.validate import ParamValidator

from sms_opt_out.sms.model_constraints import violation

TARGET_PREFIX = "PinpointSMSVoiceV2."
ACCOUNT = "123456789012"
DELETE_OPTED_OUT_EVERY = timedelta(days=30)
"""DeleteOptedOutNumber removes a number from an opt-out list at most once in this time."""
POOL_PAGE_SIZE = 3
SNS_BATCH_LIMIT = 10
"""ListPoolOriginationIdentities' page without MaxResults: small, so callers must follow NextToken."""


ERROR_STATUS = {
    "ThrottlingException": 429,
    "InternalServerException": 500,
    "ServiceUnavailableException": 503,
}
"""The HTTP status AWS answers an error code with, where it is not 400."""


def pool_id_of(first_member_arn: str) -> str:
    """The ID the simulator gives a pool created with this first member (so a test may name it first)."""
    return "pool-" + uuid.uuid5(uuid.NAMESPACE_OID, f"pool/{first_member_arn}").hex


def phone_number_id_of(number: str) -> str:
    """The ID the simulator gives one of our numbers."""
    return "phone-" + uuid.uuid5(uuid.NAMESPACE_OID, number).hex


class SimulatedError(Exception):
    """An error answered in the service's own shape (``__type`` and ``Message``)."""

    def __init__(self, code: str, message: str, status: int = 400, **fields: str) -> None:
        super().__init__(message)
        self.code = code
        self.status = status
        self.fields = fields
        """The error shape's other members (a ConflictException's ``Reason``, ``ResourceId``)."""


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
    channel: str = "SMS"
    """``SMS`` (texts and MMS), ``RCS`` (``SendRcsMessage``: ``body`` is its text, if any) or
    ``NOTIFY`` (``SendNotifyTextMessage``: ``body`` is the resolved template)."""


@dataclass
class SimulatorState:
    region: str = "us-east-1"
    phone_numbers: dict[str, dict[str, Any]] = field(default_factory=dict)
    pools: dict[str, dict[str, Any]] = field(default_factory=dict)
    pool_members: dict[str, list[str]] = field(default_factory=dict)
    """By pool ID: the ARNs of its origination identities, in the order they joined."""
    sender_ids: dict[str, dict[str, Any]] = field(default_factory=dict)
    rcs_agents: dict[str, dict[str, Any]] = field(default_factory=dict)
    sms_only: set[str] = field(default_factory=set)
    """Customers whose phones cannot receive RCS: a pool falls back to SMS for them."""
    notify_configurations: dict[str, dict[str, Any]] = field(default_factory=dict)
    sends_through_pool: Counter[str] = field(default_factory=Counter)
    inboxes: dict[str, list[TextMessage]] = field(default_factory=lambda: defaultdict(list))
    opt_out_lists: dict[str, dict[str, str]] = field(default_factory=dict)
    configuration_sets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """By name: its event destinations (``CreateEventDestination``), as AWS describes them."""
    delivery_outcomes: dict[str, str] = field(default_factory=dict)
    """By destination number: the final event type a text to it ends with (default ``*_DELIVERED``)."""
    outbox: list[tuple[str, str]] = field(default_factory=list)
    """(topic ARN, event JSON) waiting to be published once the call is answered."""
    removed_from_lists: dict[tuple[str, str], datetime] = field(default_factory=dict)
    """By (opt-out list, number): when DeleteOptedOutNumber last removed it (once per 30 days)."""
    faults: dict[str, list[SimulatedError]] = field(default_factory=lambda: defaultdict(list))
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    number_limits: dict[str, _TokenBucket] = field(default_factory=dict)
    """By E.164 number: SendTextMessage's messages per second from it."""
    operation_limits: dict[str, _TokenBucket] = field(default_factory=dict)
    throttled: list[tuple[str, str]] = field(default_factory=list)
    """(operation, identity) of every call answered with ThrottlingException by a rate limit."""


class SmsSimulator:
    """Runs on 127.0.0.1 in a background thread; use as a context manager."""

    def __init__(
        self,
        region: str = "us-east-1",
        latency: float = 0.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.state = SimulatorState(region=region)
        self.clock = clock
        """AWS's time: when numbers join opt-out lists and leave them (``DeleteOptedOutNumber``'s 30 days)."""
        self.latency = latency
        """Seconds every call takes before it is answered (requests in flight overlap, as on AWS)."""
        self.in_flight = 0
        self.peak_in_flight = 0
        """The most calls in flight at once so far."""
        self._model = botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2")
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._events: queue.Queue[tuple[str, str]] = queue.Queue()
        self._events_pending = 0
        self.unpublished: list[tuple[str, str, str]] = []
        """Delivery events SNS refused: (topic ARN, event JSON, error)."""
        self._events_done = threading.Condition()
        threading.Thread(target=self._publisher, daemon=True).start()
        self._operations: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
            "SendTextMessage": self._send_text_message,
            "SendMediaMessage": self._send_media_message,
            "SendRcsMessage": self._send_rcs_message,
            "SendNotifyTextMessage": self._send_notify_text_message,
            "DescribeRcsAgents": self._describe_rcs_agents,
            "UpdateRcsAgent": self._update_rcs_agent,
            "DescribeNotifyConfigurations": self._describe_notify_configurations,
            "CreatePool": self._create_pool,
            "AssociateOriginationIdentity": self._associate_origination_identity,
            "ListPoolOriginationIdentities": self._list_pool_origination_identities,
            "UpdatePool": self._update_pool,
            "DescribePhoneNumbers": self._describe_phone_numbers,
            "DescribePools": self._describe_pools,
            "UpdatePhoneNumber": self._update_phone_number,
            "DescribeOptedOutNumbers": self._describe_opted_out_numbers,
            "PutOptedOutNumber": self._put_opted_out_number,
            "CreateOptOutList": self._create_opt_out_list,
            "DeleteOptedOutNumber": self._delete_opted_out_number,
            "CreateConfigurationSet": self._create_configuration_set,
            "CreateEventDestination": self._create_event_destination,
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
        phone_id = phone_number_id_of(number)
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

    def add_rcs_agent(self, name: str = "agent") -> dict[str, Any]:
        """Register an RCS agent of ours (ACTIVE); returns its description (RcsAgentId and Arn).

        AWS documents no form for an agent ID; the simulator's are ``rcs-`` and 32 hex digits.
        """
        agent_id = "rcs-" + uuid.uuid5(uuid.NAMESPACE_OID, name).hex
        description = {
            "RcsAgentArn": f"arn:aws:sms-voice:{self.state.region}:{ACCOUNT}:rcs-agent/{agent_id}",
            "RcsAgentId": agent_id,
            "Status": "ACTIVE",
            "CreatedTimestamp": datetime.now(UTC).timestamp(),
            "DeletionProtectionEnabled": False,
            "OptOutListName": "Default",
            "SelfManagedOptOutsEnabled": False,
            "TwoWayEnabled": False,
            "IsoCountryCode": "US",
            "NumberCapabilities": ["RCS"],
        }
        with self._lock:
            self.state.rcs_agents[agent_id] = description
        return description

    def add_notify_configuration(self, pool_id: str | None = None, name: str = "codes") -> dict[str, Any]:
        """Register a Notify configuration (ACTIVE), sending through ``pool_id`` if given."""
        configuration_id = "nc-" + uuid.uuid5(uuid.NAMESPACE_OID, name).hex
        description = {
            "NotifyConfigurationArn": (
                f"arn:aws:sms-voice:{self.state.region}:{ACCOUNT}:notify-configuration/{configuration_id}"
            ),
            "NotifyConfigurationId": configuration_id,
            "DisplayName": name,
            "UseCase": "CODE_VERIFICATION",
            "DefaultTemplateId": "default",
            "EnabledChannels": ["SMS"],
            "Tier": "BASIC",
            "TierUpgradeStatus": "BASIC",
            "Status": "ACTIVE",
            "DeletionProtectionEnabled": False,
            "CreatedTimestamp": datetime.now(UTC).timestamp(),
        }
        if pool_id is not None:
            description["PoolId"] = pool_id
        with self._lock:
            self.state.notify_configurations[configuration_id] = description
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
        **fields: str,
    ) -> None:
        """Make the next ``times`` calls of ``operation`` fail with ``code`` (and ``message``, and the
        error shape's other ``fields``, such as a ConflictException's ``Reason``), with ``status`` or
        AWS's for the code: 429 for throttling, 500 for ``InternalServerException`` and
        ``ServiceUnavailableException``, else 400."""
        status = status or ERROR_STATUS.get(code, 400)
        with self._lock:
            self.state.faults[operation].extend(
                SimulatedError(code, message or f"injected {code}", status, **fields) for _ in range(times)
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
        return self._publish_inbound(topic_arn, message)

    def receive_rcs(self, from_number: str, agent: str, body: str) -> str:
        """A customer writes to one of our RCS agents (ID or ARN): publish the inbound JSON to its
        two-way channel (the agent's own, else its pool's), in the payload AWS documents for RCS
        ("Receiving inbound RCS messages"): the SMS payload, whose ``destinationNumber`` is the
        agent's ID. Returns the inbound message ID."""
        previous = self.state.inboxes[from_number]
        return self._publish_to_agent(
            agent,
            {
                "originationNumber": from_number,
                "messageKeyword": f"KEYWORD_{ACCOUNT}",
                "messageBody": body,
                "previousPublishedMessageId": previous[-1].message_id if previous else "",
            },
        )

    def receive_rcs_media(
        self, from_number: str, agent: str, file_name: str, mime_type: str = "image/jpeg", stored: bool = True
    ) -> str:
        """A customer sends a file to one of our RCS agents: publish AWS's media notification ("Receiving
        inbound RCS media"): the RCS payload whose ``messageBody`` is a JSON document describing the
        file, stored (``SUCCESS``, with its S3 location) or not (``ROLE_ASSUME_FAILED``)."""
        key = f"inbound-media/rcs/msg-{uuid.uuid4().hex[:12]}#{file_name}"
        media: dict[str, Any] = (
            {"mediaStatus": "SUCCESS", "s3Bucket": "rcs-media", "s3Key": key}
            if stored
            else {
                "mediaStatus": "ROLE_ASSUME_FAILED",
                "mediaStatusMessage": "Media received but could not assume the configured IAM role",
            }
        )
        media |= {"mimeType": mime_type, "fileName": file_name, "fileSizeBytes": 1211843}
        return self._publish_to_agent(
            agent, {"originationNumber": from_number, "messageBody": json.dumps(media)}
        )

    def _publish_to_agent(self, agent: str, message: dict[str, str]) -> str:
        """Publish ``message`` (with the agent's ID and a new inbound ID) to the agent's two-way channel."""
        with self._lock:
            found = self._find_agent(agent)
            settings = found if found.get("TwoWayEnabled") else (self._pool_of(found["RcsAgentArn"]) or found)
            if not settings.get("TwoWayEnabled") or not settings.get("TwoWayChannelArn"):
                raise SimulatedError("ValidationException", f"two-way is off for {agent}")
            topic_arn = settings["TwoWayChannelArn"]
            message = message | {"destinationNumber": found["RcsAgentId"]}
        message["inboundMessageId"] = str(uuid.uuid4())
        return self._publish_inbound(topic_arn, message)

    def _publish_inbound(self, topic_arn: str, message: dict[str, str]) -> str:
        """Publish an inbound message's JSON to a two-way channel, as AWS does; return its ID."""
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
                answer = operation(params)
                outbox, self.state.outbox = self.state.outbox, []
            if outbox:
                self._publish(outbox)
            return 200, answer
        except SimulatedError as error:
            return error.status, {"__type": error.code, "Message": str(error), **error.fields}

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
        """A phone number's, sender ID's or RCS agent's description (by number, ID or ARN)."""
        for description in self.state.sender_ids.values():
            if identity in (description["SenderId"], description["SenderIdArn"]):
                return description
        for description in self.state.rcs_agents.values():
            if identity in (description["RcsAgentId"], description["RcsAgentArn"]):
                return description
        return self._find_number(identity)

    def _find_agent(self, identity: str) -> dict[str, Any]:
        for description in self.state.rcs_agents.values():
            if identity in (description["RcsAgentId"], description["RcsAgentArn"]):
                return description
        raise SimulatedError("ResourceNotFoundException", f"RCS agent {identity!r} does not exist")

    def _is_pool(self, identity: str) -> bool:
        return identity.startswith(("pool-", f"arn:aws:sms-voice:{self.state.region}:{ACCOUNT}:pool/"))

    def _sender(self, name: str, identity: str) -> str:
        """What a send from ``identity`` goes out as: a pool sends from its phone numbers in turn."""
        if self._is_pool(identity):
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
        if "RcsAgentId" in found:
            raise SimulatedError("ValidationException", f"{name} cannot send from an RCS agent")
        sender = found.get("PhoneNumber") or found["SenderId"]
        self._limit_number(name, sender)
        return sender

    def _opt_out_list_of(self, identity: str) -> str:
        """The opt-out list a send from ``identity`` is checked against: its pool's, else its own."""
        if identity.startswith(("pool-", f"arn:aws:sms-voice:{self.state.region}:{ACCOUNT}:pool/")):
            return self._find_pool(identity)["OptOutListName"]
        found = self._find_identity(identity)
        own_arn = found.get("PhoneNumberArn") or found.get("SenderIdArn") or found.get("RcsAgentArn", "")
        settings = self._pool_of(own_arn) or found
        return settings.get("OptOutListName", "Default")

    def _refuse_opted_out(self, params: dict[str, Any]) -> None:
        """AWS's answer to a send to a number on the identity's opt-out list."""
        if "OriginationIdentity" not in params:  # a Notify send: its configuration's pool, not modelled
            return
        list_name = self._opt_out_list_of(params["OriginationIdentity"])
        if params["DestinationPhoneNumber"] in self.state.opt_out_lists.get(list_name, {}):
            raise SimulatedError(
                "ConflictException",
                "the destination phone number is opted out",
                Reason="DESTINATION_PHONE_NUMBER_OPTED_OUT",
                ResourceType="opt-out-list",
                ResourceId=list_name,
            )

    def _deliver(
        self, name: str, params: dict[str, Any], origination: str | None = None, **fields: Any
    ) -> dict[str, Any]:
        self._refuse_opted_out(params)
        origination = origination or self._sender(name, params["OriginationIdentity"])
        if params.get("DryRun"):
            return {"MessageId": "dry-run"}
        message = TextMessage(
            message_id=str(uuid.uuid4()),
            origination=origination,
            destination=params["DestinationPhoneNumber"],
            body=fields.pop("body", params.get("MessageBody", "")),
            message_type=params.get("MessageType"),
            sent_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
            media_urls=tuple(params.get("MediaUrls", ())),
            **fields,
        )
        self.state.inboxes[message.destination].append(message)
        self._report_delivery(name, params, message)
        return {"MessageId": message.message_id}

    def _create_configuration_set(self, params: dict[str, Any]) -> dict[str, Any]:
        name = params["ConfigurationSetName"]
        if name in self.state.configuration_sets:
            raise SimulatedError("ConflictException", f"{name!r} exists", Reason="RESOURCE_ALREADY_EXISTS")
        self.state.configuration_sets[name] = []
        arn = f"arn:aws:sms-voice:{self.state.region}:{ACCOUNT}:configuration-set/{name}"
        return {"ConfigurationSetArn": arn, "ConfigurationSetName": name}

    def _create_event_destination(self, params: dict[str, Any]) -> dict[str, Any]:
        name = params["ConfigurationSetName"]
        if name not in self.state.configuration_sets:
            raise SimulatedError("ResourceNotFoundException", f"configuration set {name!r} does not exist")
        destination = {
            "EventDestinationName": params["EventDestinationName"],
            "Enabled": True,
            "MatchingEventTypes": list(params["MatchingEventTypes"]),
            **({"SnsDestination": params["SnsDestination"]} if "SnsDestination" in params else {}),
        }
        self.state.configuration_sets[name].append(destination)
        return {"ConfigurationSetName": name, "EventDestination": destination}

    def set_delivery_outcome(self, number: str, event_type: str) -> None:
        """Make every later text to ``number`` end with ``event_type`` (``TEXT_INVALID``, ``TEXT_BLOCKED``,
        ...), as AWS's simulator destination numbers do; an MMS gets the ``MEDIA_`` form."""
        with self._lock:
            self.state.delivery_outcomes[number] = event_type

    def _report_delivery(self, name: str, params: dict[str, Any], message: TextMessage) -> None:
        """Queue the final event of a text sent through a configuration set for its SNS destinations."""
        destinations = self.state.configuration_sets.get(params.get("ConfigurationSetName", ""), [])
        outcome = self.state.delivery_outcomes.get(message.destination, "TEXT_DELIVERED").split("_", 1)[1]
        event_type = ("MEDIA_" if name == "SendMediaMessage" else "TEXT_") + outcome
        event = {
            "eventType": event_type,
            "eventVersion": "1.0",
            "eventTimestamp": int(self.clock().timestamp() * 1000),
            "isFinal": True,
            "originationPhoneNumber": message.origination,
            "destinationPhoneNumber": message.destination,
            "isoCountryCode": "US",
            "messageId": message.message_id,
            "messageRequestTimestamp": int(self.clock().timestamp() * 1000),
            "messageEncoding": "GSM",
            "messageType": message.message_type or "TRANSACTIONAL",
            "messageStatus": outcome,
            "messageStatusDescription": f"simulated {outcome.lower().replace('_', ' ')}",
            "totalMessageParts": 1,
            "totalMessagePrice": 0.00581,
            "totalCarrierFee": 0.00302,
            "context": params.get("Context", {}),
        }
        for destination in destinations:
            sns = destination.get("SnsDestination")
            if (
                sns
                and destination["Enabled"]
                and {event_type, "ALL", event_type.split("_")[0] + "_ALL"}
                & set(destination["MatchingEventTypes"])
            ):
                self.state.outbox.append((sns["TopicArn"], json.dumps(event)))

    def _publish(self, outbox: list[tuple[str, str]]) -> None:
        """Hand the events to the publisher thread: like AWS's, they arrive after the send's answer."""
        with self._events_done:
            self._events_pending += len(outbox)
        for item in outbox:
            self._events.put(item)

    def _publisher(self) -> None:
        sns = None
        while True:
            batch = [self._events.get()]
            while len(batch) < SNS_BATCH_LIMIT:  # what has queued up meanwhile: PublishBatch, 10 at a time
                try:
                    batch.append(self._events.get_nowait())
                except queue.Empty:
                    break
            try:
                # made at the first event, so the endpoint variables (moto's SNS) are set by then
                sns = sns or boto3.client("sns", region_name=self.state.region)
                for topic_arn in dict.fromkeys(topic for topic, _ in batch):
                    entries = [m for topic, m in batch if topic == topic_arn]
                    sns.publish_batch(
                        TopicArn=topic_arn,
                        PublishBatchRequestEntries=[
                            {"Id": str(i), "Message": m} for i, m in enumerate(entries)
                        ],
                    )
            except Exception as error:  # noqa: BLE001 - kept for the test to see; the thread goes on
                self.unpublished.extend((topic, message, repr(error)) for topic, message in batch)
            finally:
                with self._events_done:
                    self._events_pending -= len(batch)
                    self._events_done.notify_all()

    def wait_for_events(self, timeout: float = 30.0) -> None:
        """Return once every delivery event so far is published; TimeoutError after ``timeout`` s."""
        with self._events_done:
            if not self._events_done.wait_for(lambda: self._events_pending == 0, timeout):
                raise TimeoutError(f"{self._events_pending} delivery events unpublished after {timeout} s")

    def _rcs_sender(self, identity: str) -> str:
        """The agent an RCS send goes out from: the agent named, or the first agent of the pool named."""
        if self._is_pool(identity):
            pool = self._find_pool(identity)
            agents = [
                a
                for a in self.state.rcs_agents.values()
                if a["RcsAgentArn"] in self.state.pool_members[pool["PoolId"]]
            ]
            if not agents:
                raise SimulatedError("ValidationException", f"pool {pool['PoolId']} has no RCS agent")
            return str(agents[0]["RcsAgentId"])
        return str(self._find_agent(identity)["RcsAgentId"])

    def _send_rcs_message(self, params: dict[str, Any]) -> dict[str, Any]:
        content = params.get("RcsMessageContent")
        if content is None:
            raise SimulatedError("ValidationException", "RcsMessageContent is required")
        kinds = [k for k in ("TextMessage", "FileMessage", "RichCard", "Carousel") if k in content["Content"]]
        if len(kinds) != 1:
            raise SimulatedError(
                "ValidationException", "give exactly one of TextMessage, FileMessage, RichCard, Carousel"
            )
        agent = self._rcs_sender(params["OriginationIdentity"])
        self._limit_number("SendRcsMessage", agent)
        body = content["Content"].get("TextMessage", {}).get("Body", "")
        return self._deliver("SendRcsMessage", params, agent, body=body, channel="RCS")

    def _find_notify_configuration(self, identity: str) -> dict[str, Any]:
        for description in self.state.notify_configurations.values():
            if identity in (description["NotifyConfigurationId"], description["NotifyConfigurationArn"]):
                return description
        raise SimulatedError("ResourceNotFoundException", f"notify configuration {identity!r} does not exist")

    def _send_notify_text_message(self, params: dict[str, Any]) -> dict[str, Any]:
        configuration = self._find_notify_configuration(params["NotifyConfigurationId"])
        self._limit_number("SendNotifyTextMessage", configuration["NotifyConfigurationId"])
        pool = configuration.get("PoolId")
        sender = self._sender("SendNotifyTextMessage", pool) if pool else "notify"
        variables = params["TemplateVariables"]
        body = "Your code: " + " ".join(f"{k}={v}" for k, v in sorted(variables.items()))
        answer = self._deliver("SendNotifyTextMessage", params, sender, body=body, channel="NOTIFY")
        return answer | {"TemplateId": params.get("TemplateId") or "default", "ResolvedMessageBody": body}

    def _send_text_message(self, params: dict[str, Any]) -> dict[str, Any]:
        """From an RCS agent: over RCS only. From a pool holding an agent: over RCS from the agent, or
        by SMS from the pool's numbers to a customer without RCS (``sms_only``). Else by SMS."""
        identity = params["OriginationIdentity"]
        agent = self._text_agent(identity, params["DestinationPhoneNumber"])
        if agent is None:
            return self._deliver("SendTextMessage", params)
        self._limit_number("SendTextMessage", agent)
        return self._deliver("SendTextMessage", params, agent, channel="RCS")

    def _text_agent(self, identity: str, destination: str) -> str | None:
        """The agent a SendTextMessage goes out from over RCS, or None for SMS."""
        if self._is_pool(identity):
            pool = self._find_pool(identity)["PoolId"]
            if destination in self.state.sms_only:
                return None
            agents = [
                a for a in self.state.rcs_agents.values() if a["RcsAgentArn"] in self.state.pool_members[pool]
            ]
            return str(agents[0]["RcsAgentId"]) if agents else None
        if any(identity in (a["RcsAgentId"], a["RcsAgentArn"]) for a in self.state.rcs_agents.values()):
            if destination in self.state.sms_only:
                raise SimulatedError("ValidationException", "the destination cannot receive RCS")
            return str(self._find_agent(identity)["RcsAgentId"])
        return None

    def _send_media_message(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("MediaUrls") and not params.get("MessageBody"):
            raise SimulatedError("ValidationException", "give MediaUrls or a MessageBody")
        return self._deliver("SendMediaMessage", params)

    def _pool_member(self, identity: str) -> str:
        """The ARN of a phone number, sender ID or RCS agent that may join a pool (and is in none yet)."""
        found = self._find_identity(identity)
        arn = found.get("PhoneNumberArn") or found.get("RcsAgentArn") or found["SenderIdArn"]
        if self._pool_of(arn) is not None:
            raise SimulatedError("ConflictException", f"{identity!r} is already in a pool")
        return arn

    def _create_pool(self, params: dict[str, Any]) -> dict[str, Any]:
        member = self._pool_member(params["OriginationIdentity"])
        pool_id = pool_id_of(member)
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
                "OriginationIdentity": found.get("PhoneNumberId")
                or found.get("RcsAgentId")
                or found["SenderId"],
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

    def _describe_pools(self, params: dict[str, Any]) -> dict[str, Any]:
        ids = params.get("PoolIds")
        found = [self._find_pool(i) for i in ids] if ids else list(self.state.pools.values())
        return {"Pools": [dict(d) for d in found]}

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

    def _agent_view(self, description: dict[str, Any]) -> dict[str, Any]:
        view = {k: v for k, v in description.items() if k not in ("IsoCountryCode", "NumberCapabilities")}
        pool = self._pool_of(description["RcsAgentArn"])
        return view | ({"PoolId": pool["PoolId"]} if pool else {})

    def _describe_rcs_agents(self, params: dict[str, Any]) -> dict[str, Any]:
        ids = params.get("RcsAgentIds")
        found = [self._find_agent(i) for i in ids] if ids else list(self.state.rcs_agents.values())
        return {"RcsAgents": [self._agent_view(d) for d in found]}

    def _update_rcs_agent(self, params: dict[str, Any]) -> dict[str, Any]:
        description = self._find_agent(params["RcsAgentId"])
        for name in ("TwoWayEnabled", "TwoWayChannelArn", "TwoWayChannelRole", "SelfManagedOptOutsEnabled",
                     "OptOutListName", "DeletionProtectionEnabled", "TwoWayRcsEventsEnabled"):  # fmt: skip
            if name in params:
                description[name] = params[name]
        return {k: v for k, v in self._agent_view(description).items() if k != "PoolId"}

    def _describe_notify_configurations(self, params: dict[str, Any]) -> dict[str, Any]:
        ids = params.get("NotifyConfigurationIds")
        found = (
            [self._find_notify_configuration(i) for i in ids]
            if ids
            else list(self.state.notify_configurations.values())
        )
        return {"NotifyConfigurations": [dict(d) for d in found]}

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
        entries.setdefault(number, self.clock().isoformat())
        return {
            "OptOutListName": params["OptOutListName"],
            "OptedOutNumber": number,
            "OptedOutTimestamp": datetime.fromisoformat(entries[number]).timestamp(),
            "EndUserOptedOut": False,
        }

    def _delete_opted_out_number(self, params: dict[str, Any]) -> dict[str, Any]:
        """Removes a number from a list, at most once per ``DELETE_OPTED_OUT_EVERY`` (AWS's 30 days; its
        error for a removal too soon is not documented: ``ValidationException`` here)."""
        name = params["OptOutListName"].rpartition("opt-out-list/")[2]
        entries = self._opt_out_list(name)
        number = params["OptedOutNumber"]
        if number not in entries:
            raise SimulatedError("ResourceNotFoundException", "the number is not on the opt-out list")
        now = self.clock()
        last = self.state.removed_from_lists.get((name, number))
        if last is not None and now - last < DELETE_OPTED_OUT_EVERY:
            raise SimulatedError(
                "ValidationException", "each destination phone number can only be deleted once every 30 days"
            )
        opted_out_at = entries.pop(number)
        self.state.removed_from_lists[(name, number)] = now
        return {
            "OptOutListArn": f"arn:aws:sms-voice:{self.state.region}:{ACCOUNT}:opt-out-list/{name}",
            "OptOutListName": name,
            "OptedOutNumber": number,
            "OptedOutTimestamp": datetime.fromisoformat(opted_out_at).timestamp(),
            "EndUserOptedOut": True,
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
