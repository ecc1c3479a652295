"""Every path run with the IAM policy the construct synthesizes for its principal enforced on every call.

moto enforces no IAM: here ``sandbox.iam_enforcement`` checks each botocore call of the handlers, of
``OptOutRegistry`` and of the CLI against the statements of the principal's role (action, resource
ARNs, ``dynamodb:LeadingKeys``), and the test fails on any call that AWS would deny.
"""

from __future__ import annotations

import functools
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import aws_cdk as cdk
import aws_cdk.aws_iam as iam
import boto3
import pytest
from aws_cdk.assertions import Template

import process_reply
import send_text_message
from opt_out_stack import SmsOptOut
from sandbox.iam_enforcement import ACCOUNT, REGION, IamEnforcement, SmsResources, allowed, role_statements
from sandbox.iam_enforcement import Request as IamRequest
from sandbox.sms_simulator import SimulatedError, SmsSimulator, phone_number_id_of, pool_id_of
from sms_opt_out.ops import cli
from sms_opt_out.ops.migration import opted_out_numbers
from sms_opt_out.ops.registry import OptOutRegistry
from sms_opt_out.runtime import build_guarded_sender
from tests.conftest import CUSTOMER, IN_US_SENDING_HOURS, OUR_NUMBER, TABLE, sns_event
from tests.test_reply_confirmation_queue import another_container_sends, configure_queue

POOL_NUMBERS = ("+18445550101", "+18445550102")
PREFIX = f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:"
NUMBER_ARN = f"{PREFIX}phone-number/{phone_number_id_of(OUR_NUMBER)}"
POOL_ID = pool_id_of(f"{PREFIX}phone-number/{phone_number_id_of(POOL_NUMBERS[0])}")
TABLE_ARN = f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{TABLE}"
SEND_DLQ = "send-dead-letters"
REPLY_DLQ = "reply-dead-letters"
CONFIRMATION_QUEUE = "confirmation-queue"
OPERATOR = [
    # README, "Dead letters": what the operator of ``dead-letters replay`` needs.
    {
        "Effect": "Allow",
        "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"],
        "Resource": [
            f"arn:aws:sqs:{REGION}:{ACCOUNT}:{REPLY_DLQ}",
            f"arn:aws:sqs:{REGION}:{ACCOUNT}:{SEND_DLQ}",
        ],
    },
    {
        "Effect": "Allow",
        "Action": "lambda:InvokeFunction",
        "Resource": [
            f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:reply-fn",
            f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:send-fn",
        ],
    },
]


@functools.cache
def synthesized(scope: str = "ALL") -> tuple[dict[str, Any], dict[str, str]]:
    """The construct with a number, a pool and a configuration set, and a portal and an auditor role
    given the preference grants: the template, and the logical IDs of the roles and resources."""
    stack = cdk.Stack(cdk.App(), "Enforced", env=cdk.Environment(account=ACCOUNT, region=REGION))
    opt_out = SmsOptOut(
        stack,
        "SmsOptOut",
        phone_number_ids=[NUMBER_ARN],
        pool_ids=[f"{PREFIX}pool/{POOL_ID}"],
        configuration_set_names=["marketing"],
        opt_out_scope=scope,
    )
    roles = {
        name: iam.Role(stack, name, assumed_by=iam.AccountRootPrincipal()) for name in ("Portal", "Auditor")
    }
    opt_out.grant_record_preferences(roles["Portal"])
    opt_out.grant_read_preferences(roles["Auditor"])
    ids: dict[str, Any] = {
        "ReplyFunction": opt_out.reply_function.role,
        "SendFunction": opt_out.send_function.role,
        **roles,
        "table": opt_out.table,
        "send-dlq": opt_out.send_dead_letter_queue,
        "reply-dlq": opt_out.reply_dead_letter_queue,
        "send-queue": opt_out.send_queue,
        "confirmation-queue": opt_out.confirmation_queue,
    }
    return dict(Template.from_stack(stack).to_json()), {
        k: stack.get_logical_id(v.node.default_child) for k, v in ids.items()
    }


def statements_of(principal: str, scope: str = "ALL") -> list[dict[str, Any]]:
    template, ids = synthesized(scope)
    queue = f"arn:aws:sqs:{REGION}:{ACCOUNT}"
    attributes = {
        ids["table"]: TABLE,
        f"{ids['table']}.Arn": TABLE_ARN,
        f"{ids['send-dlq']}.Arn": f"{queue}:{SEND_DLQ}",
        f"{ids['reply-dlq']}.Arn": f"{queue}:{REPLY_DLQ}",
        f"{ids['send-queue']}.Arn": f"{queue}:send-queue",
        f"{ids['confirmation-queue']}.Arn": f"{queue}:{CONFIRMATION_QUEUE}",
    }
    return role_statements(template, ids[principal], attributes)


@dataclass
class Enforced:
    iam: IamEnforcement
    sms: SmsSimulator
    dynamodb: Any
    sqs: Any
    queues: dict[str, str]
    context: Any

    def reply(self, body: str, *, inbound_id: str = "in-1", our_number: str = OUR_NUMBER) -> dict[str, Any]:
        second = sum(map(ord, inbound_id)) % 60  # a later inbound ID, a later reply
        timestamp = f"2025-05-01T12:00:{second:02d}.000Z"
        event = sns_event(body, inbound_id=inbound_id, our_number=our_number, timestamp=timestamp)
        with self.iam.acting_as("ReplyFunction"):
            return process_reply.handler(event, self.context)

    def reply_event(self, event: dict[str, Any]) -> dict[str, Any]:
        """The reply function's handling of ``event`` (a delivery an operator replays)."""
        with self.iam.acting_as("ReplyFunction"):
            return process_reply.handler(event, self.context)

    def send(self, event: dict[str, Any]) -> dict[str, Any]:
        with self.iam.acting_as("SendFunction"):
            return send_text_message.handler(event, self.context)


def _identity_arn(sms: SmsSimulator, identity: str) -> str:
    try:
        found = sms._find_identity(identity)
    except SimulatedError:
        return f"unknown-identity:{identity}"
    return found.get("PhoneNumberArn") or found["SenderIdArn"]


@pytest.fixture
def enforced(
    request: pytest.FixtureRequest,
    moto_server: Any,
    sms: SmsSimulator,
    lambda_context: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Enforced]:
    """Our number, a pool of two more, the send dead-letter queue; the handlers' environment as the
    construct sets it; IAM enforced for the construct's principals. Fails the test on any denial."""
    client = boto3.client("pinpoint-sms-voice-v2")
    first = sms.add_phone_number(POOL_NUMBERS[0])["PhoneNumberId"]
    assert client.create_pool(OriginationIdentity=first, MessageType="TRANSACTIONAL")["PoolId"] == POOL_ID
    client.associate_origination_identity(
        PoolId=POOL_ID, OriginationIdentity=sms.add_phone_number(POOL_NUMBERS[1])["PhoneNumberId"]
    )
    sqs = boto3.client("sqs")
    queues = {name: sqs.create_queue(QueueName=name)["QueueUrl"] for name in (SEND_DLQ, REPLY_DLQ)}
    monkeypatch.setenv("POOL_IDS", json.dumps([POOL_ID]))
    monkeypatch.setenv("FAILED_SENDS_QUEUE_URL", queues[SEND_DLQ])
    monkeypatch.setenv(
        "ORIGINATION_NUMBERS",
        json.dumps({phone_number_id_of(OUR_NUMBER): OUR_NUMBER, NUMBER_ARN: OUR_NUMBER}),
    )
    process_reply.reply_processor.cache_clear()
    send_text_message.guarded_sender.cache_clear()
    enforcement = IamEnforcement(SmsResources(lambda identity: _identity_arn(sms, identity)))
    for principal in ("ReplyFunction", "SendFunction", "Portal", "Auditor"):
        enforcement.add_principal(principal, statements_of(principal))
    enforcement.add_principal("Operator", OPERATOR)
    enforcement.add_principal("ReplyFunction@ORIGINATION", statements_of("ReplyFunction", "ORIGINATION"))
    with enforcement:
        yield Enforced(enforcement, sms, moto_server, sqs, queues, lambda_context)
    process_reply.reply_processor.cache_clear()
    send_text_message.guarded_sender.cache_clear()
    if report := os.environ.get("IAM_ACTIONS_REPORT"):  # the actions each path needed, for the record
        with open(report, "a") as file:
            needed = {p: sorted(a) for p, a in enforcement.authorized.items()}
            print(
                json.dumps({"test": request.node.name, "needed": needed, "denied": enforcement.denied}),
                file=file,
            )
    assert enforcement.denied == [], "AWS would deny these calls"


# The harness itself ------------------------------------------------------------------------------


def test_a_call_outside_the_policy_is_denied_like_aws_and_fails_the_test(enforced: Enforced) -> None:
    """The rule the fixture applies: a missing permission is an AccessDeniedException and a failure."""
    registry_client = None
    with enforced.iam.acting_as("Auditor"):
        registry_client = boto3.client("dynamodb")
        with pytest.raises(Exception, match="AccessDeniedException"):
            registry_client.put_item(TableName=TABLE, Item={"PK": {"S": CUSTOMER}, "SK": {"S": "STATE"}})
    assert enforced.iam.denied == [f"Auditor: dynamodb:PutItem on {TABLE_ARN}"]
    enforced.iam.denied.clear()


def test_leading_keys_confine_the_sender_to_its_key_records() -> None:
    conditioned = [s for s in statements_of("SendFunction") if "Condition" in s]
    key_record = IamRequest("dynamodb:PutItem", TABLE_ARN, {"dynamodb:LeadingKeys": ["IDEMPOTENCY#k"]})
    consent = IamRequest(
        "dynamodb:PutItem", TABLE_ARN, {"dynamodb:LeadingKeys": [CUSTOMER], "dynamodb:Attributes": ["PK"]}
    )
    learned = {"dynamodb:LeadingKeys": [CUSTOMER], "dynamodb:Attributes": ["AWSLIST#*", "PK", "SK"]}
    state = {"dynamodb:LeadingKeys": [CUSTOMER], "dynamodb:Attributes": ["*", "PK", "SK"]}

    assert allowed(conditioned, key_record)
    assert not allowed(conditioned, consent), "the sender can never write a customer's consent"
    assert allowed(conditioned, IamRequest("dynamodb:UpdateItem", TABLE_ARN, learned)), "an AWS list opt-out"
    assert not allowed(conditioned, IamRequest("dynamodb:UpdateItem", TABLE_ARN, state)), "nor its state"


# The reply function -----------------------------------------------------------------------------


def test_stop_start_and_help_are_recorded_and_answered_with_the_reply_functions_policy(
    enforced: Enforced,
) -> None:
    assert enforced.reply("STOP", inbound_id="in-1")["outcomes"] == ["OPT_OUT"]
    assert enforced.reply("START", inbound_id="in-2")["outcomes"] == ["OPT_IN"]
    assert enforced.reply("HELP", inbound_id="in-3")["outcomes"] == ["HELP"]
    assert enforced.reply("what is this?", inbound_id="in-4")["outcomes"] == ["UNRECOGNISED"]

    assert len(enforced.sms.inbox(CUSTOMER)) == 3


def test_a_repeated_delivery_and_a_repeated_stop_with_the_reply_functions_policy(enforced: Enforced) -> None:
    assert enforced.reply("STOP", inbound_id="in-1")["outcomes"] == ["OPT_OUT"]
    assert enforced.reply("STOP", inbound_id="in-1")["outcomes"] == ["DUPLICATE"]
    assert enforced.reply("STOP", inbound_id="in-2")["outcomes"] == ["ALREADY_OPTED_OUT"]

    assert len(enforced.sms.inbox(CUSTOMER)) == 1


def test_a_stop_to_a_pool_number_with_the_reply_functions_policy(enforced: Enforced) -> None:
    assert enforced.reply("STOP", our_number=POOL_NUMBERS[1])["outcomes"] == ["OPT_OUT"]

    (confirmation,) = enforced.sms.inbox(CUSTOMER)
    assert confirmation.origination == POOL_NUMBERS[1]


def test_under_scope_origination_replies_with_that_constructs_policy(
    enforced: Enforced, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPT_OUT_SCOPE", "ORIGINATION")
    event = sns_event("STOP", our_number=POOL_NUMBERS[1])
    with enforced.iam.acting_as("ReplyFunction@ORIGINATION"):
        assert process_reply.handler(event, enforced.context)["outcomes"] == ["OPT_OUT"]
        repeat = sns_event("STOP", inbound_id="in-2", our_number=POOL_NUMBERS[0])
        assert process_reply.handler(repeat, enforced.context)["outcomes"] == ["ALREADY_OPTED_OUT"]

    assert enforced.sms.calls("ListPoolOriginationIdentities"), "the pool was read, after recording"


def test_a_stop_on_a_busy_number_is_queued_and_confirmed_from_the_queue_with_the_reply_functions_policy(
    enforced: Enforced, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the confirmation queue, and another container sending from our number
    url = enforced.sqs.create_queue(QueueName=CONFIRMATION_QUEUE)["QueueUrl"]
    configure_queue(url, monkeypatch)
    another_container_sends(enforced.dynamodb)

    # When a STOP is recorded and queued, and Lambda's event source (as the function's role) takes it
    assert enforced.reply("STOP")["outcomes"] == ["OPT_OUT_QUEUED"]
    with enforced.iam.acting_as("ReplyFunction"):
        (message,) = enforced.sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
        record = {"eventSource": "aws:sqs", "messageId": message["MessageId"], "body": message["Body"]}
        answer = process_reply.handler({"Records": [record]}, enforced.context)
        enforced.sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])

    # Then it was confirmed from the queue, every call within the reply function's policy
    assert answer == {"outcomes": ["OPT_OUT"], "batchItemFailures": []}
    assert len(enforced.sms.inbox(CUSTOMER)) == 1


# The send function ------------------------------------------------------------------------------


def request(origination: str = OUR_NUMBER, **extra: Any) -> dict[str, Any]:
    return {
        "DestinationPhoneNumber": CUSTOMER,
        "OriginationIdentity": origination,
        "MessageBody": "Your code is 1234",
        **extra,
    }


def test_single_batch_mms_keyed_and_configuration_set_sends_with_the_send_functions_policy(
    enforced: Enforced,
) -> None:
    assert enforced.send(request())["status"] == "SENT"
    batch = {"messages": [request(), request(ConfigurationSetName="marketing")]}
    assert [r["status"] for r in enforced.send(batch)["results"]] == ["SENT", "SENT"]
    mms = request(MediaUrls=["s3://media/cat.jpg"])
    assert enforced.send(mms)["status"] == "SENT"
    assert enforced.send(request(IdempotencyKey="order-1"))["status"] == "SENT"
    assert enforced.send(request(IdempotencyKey="order-1"))["status"] == "SENT"

    enforced.sms.fail_next("SendTextMessage", "ValidationException")
    failed = enforced.send({"messages": [request(IdempotencyKey="order-2")]})["results"][0]
    assert failed["status"] == "FAILED", "and its key freed: nothing was sent"
    assert enforced.send(request(IdempotencyKey="order-2"))["status"] == "SENT"
    enforced.sms.fail_next("SendTextMessage", "InternalServerException", status=500)
    unknown = enforced.send({"messages": [request(IdempotencyKey="order-3")]})["results"][0]
    assert unknown["status"] == "UNKNOWN", "a 5xx may have sent it: the key is kept"

    assert len(enforced.sms.inbox(CUSTOMER)) == 6
    assert "dynamodb:DeleteItem" in enforced.iam.authorized["SendFunction"]


def test_the_send_queue_with_the_send_functions_policy(enforced: Enforced) -> None:
    records = [
        {"messageId": f"m-{i}", "eventSource": "aws:sqs", "body": json.dumps(request())} for i in range(2)
    ]

    assert enforced.send({"Records": records}) == {"batchItemFailures": []}
    assert len(enforced.sms.inbox(CUSTOMER)) == 2


def test_a_send_through_a_pool_and_through_an_identity_looked_up_at_run_time(enforced: Enforced) -> None:
    assert enforced.send(request(POOL_ID))["status"] == "SENT"
    assert enforced.send(request(f"{PREFIX}pool/{POOL_ID}"))["status"] == "SENT"
    assert enforced.send(request(phone_number_id_of(POOL_NUMBERS[1])))["status"] == "SENT"

    assert len(enforced.sms.inbox(CUSTOMER)) == 3
    assert enforced.sms.calls("DescribePhoneNumbers"), "the pool number's ID was looked up"


def test_an_opted_out_customer_is_blocked_with_the_send_functions_policy(enforced: Enforced) -> None:
    enforced.reply("STOP", our_number=POOL_NUMBERS[0])

    assert enforced.send(request(POOL_ID))["status"] == "OPTED_OUT"
    assert enforced.send(request())["status"] == "OPTED_OUT"


def test_a_failed_send_is_kept_on_the_dead_letter_queue_with_the_send_functions_policy(
    enforced: Enforced,
) -> None:
    enforced.sms.fail_next("SendTextMessage", "ValidationException")

    assert enforced.send({"messages": [request()]})["results"][0]["status"] == "FAILED"
    kept = enforced.sqs.receive_message(QueueUrl=enforced.queues[SEND_DLQ]).get("Messages", [])
    assert len(kept) == 1


# Other channels and operators -------------------------------------------------------------------


def test_a_portal_records_and_reads_with_grant_record_preferences(enforced: Enforced) -> None:
    with enforced.iam.acting_as("Portal"):
        registry = OptOutRegistry(TABLE)
        registry.opt_out(CUSTOMER, channel="web")
        registry.opt_in(CUSTOMER, channel="web", consent_reference="form-1", origination=OUR_NUMBER)
        registry.opt_out(CUSTOMER, channel="web", at="2020-01-01T00:00:00Z")
        registry.status(CUSTOMER)
        assert not registry.is_opted_out(CUSTOMER, OUR_NUMBER)


def test_the_cli_records_with_grant_record_preferences(enforced: Enforced) -> None:
    out = io.StringIO()
    with enforced.iam.acting_as("Portal"):
        code = cli.main(["--table", TABLE, "opt-out", CUSTOMER, "--channel", "call-center"], out=out)
        assert cli.main(["--table", TABLE, "status", CUSTOMER, "--from", OUR_NUMBER], out=out) == 0

    assert code == 0, out.getvalue()


def test_an_auditor_reads_status_history_and_exports_with_grant_read_preferences(enforced: Enforced) -> None:
    OptOutRegistry(TABLE).opt_out(CUSTOMER, channel="web")
    out = io.StringIO()
    with enforced.iam.acting_as("Auditor"):
        registry = OptOutRegistry(TABLE)
        registry.status(CUSTOMER)
        registry.history(CUSTOMER)
        registry.unrecognised_replies()
        assert len(list(opted_out_numbers(registry.store))) == 1
        assert cli.main(["--table", TABLE, "history", CUSTOMER], out=out) == 0


class EnforcedLambda:
    """Lambda's synchronous Invoke as the operator, running the real handler as its function."""

    def __init__(self, enforced: Enforced) -> None:
        self.enforced = enforced

    def invoke(self, *, FunctionName: str, InvocationType: str, Payload: bytes) -> dict[str, Any]:
        self.enforced.iam.authorize("Operator", "lambda", "Invoke", {"FunctionName": FunctionName})
        handler = {"reply-fn": self.enforced.reply_event, "send-fn": self.enforced.send}[FunctionName]
        try:
            result = handler(json.loads(Payload))
        except Exception as error:  # noqa: BLE001 - what Lambda reports as a function error
            return {
                "FunctionError": "Unhandled",
                "Payload": io.BytesIO(json.dumps({"errorType": type(error).__name__}).encode()),
            }
        return {"Payload": io.BytesIO(json.dumps(result).encode())}


def test_dead_letters_replay_with_the_documented_operator_permissions(
    enforced: Enforced, monkeypatch: pytest.MonkeyPatch
) -> None:
    enforced.sqs.send_message(
        QueueUrl=enforced.queues[REPLY_DLQ], MessageBody=json.dumps(sns_event("STOP")["Records"][0]["Sns"])
    )
    enforced.sms.fail_next("SendTextMessage", "ValidationException")
    enforced.send({"messages": [request()]})  # kept on the sends queue by the sender itself
    session = boto3.session.Session()
    invoker = EnforcedLambda(enforced)

    class Session:
        def client(self, service: str) -> Any:
            return invoker if service == "lambda" else session.client(service)

    monkeypatch.setattr(cli, "_session", lambda args: Session())
    out = io.StringIO()
    with enforced.iam.acting_as("Operator"):
        for queue, function in (("sends", "send-fn"), ("replies", "reply-fn")):
            url = enforced.queues[REPLY_DLQ if queue == "replies" else SEND_DLQ]
            argv = [
                "dead-letters",
                "replay",
                "--queue",
                queue,
                "--queue-url",
                url,
                "--function-name",
                function,
            ]
            assert cli.main(argv, out=out) == 0, out.getvalue()

    assert len(enforced.sms.inbox(CUSTOMER)) == 2, "the STOP confirmed and the send sent"


def test_promotional_sends_under_a_frequency_cap_with_the_send_functions_policy(
    enforced: Enforced, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A capped state's promotional texts take a slot (a write to ``CAP#`` items) under the policy."""
    in_sending_hours = functools.cache(lambda: build_guarded_sender(clock=lambda: IN_US_SENDING_HOURS))
    monkeypatch.setattr(send_text_message, "guarded_sender", in_sending_hours)
    floridian = "+13055550123"
    promotional = {**request(MessageType="PROMOTIONAL"), "DestinationPhoneNumber": floridian}

    results = enforced.send({"messages": [promotional] * 4})["results"]

    assert sorted(r["status"] for r in results) == ["CAPPED", "SENT", "SENT", "SENT"]
    assert len(enforced.sms.inbox(floridian)) == 3
    assert "dynamodb:PutItem" in enforced.iam.authorized["SendFunction"]
