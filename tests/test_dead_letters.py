"""``sms-opt-out dead-letters list|replay``: what waits is shown masked, and replayed through the
real handlers (run in process, as Lambda's RequestResponse would), against moto and the simulator."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
import record_delivery_event

import process_reply
import send_text_message
from sms_opt_out.ops import cli
from sms_opt_out.ops.dead_letters import read_dead_letter
from sms_opt_out.runtime import build_guarded_sender
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event
from tests.test_reply_confirmation_queue import another_container_sends, configure_queue

HANDLERS: dict[str, Callable[[dict[str, Any], Any], Any]] = {
    "reply-fn": process_reply.handler,
    "send-fn": send_text_message.handler,
    "delivery-fn": record_delivery_event.handler,
}


class InProcessLambda:
    """Lambda's synchronous Invoke, running the real handler here (moto needs Docker to run one)."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.invoked: list[str] = []

    def invoke(self, *, FunctionName: str, InvocationType: str, Payload: bytes) -> dict[str, Any]:
        assert InvocationType == "RequestResponse"
        self.invoked.append(FunctionName)
        try:
            result = HANDLERS[FunctionName](json.loads(Payload), self.context)
        except Exception as error:  # noqa: BLE001 - what Lambda reports as a function error
            return {
                "FunctionError": "Unhandled",
                "Payload": io.BytesIO(json.dumps({"errorType": type(error).__name__}).encode()),
            }
        return {"Payload": io.BytesIO(json.dumps(result).encode())}


@pytest.fixture
def aws(
    dynamodb: Any, sms: Any, lambda_context: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, Any]]:
    session = boto3.session.Session()
    sqs = session.client("sqs")
    queues = {
        name: sqs.create_queue(QueueName=name)["QueueUrl"]
        for name in ("replies", "sends", "deliveries", "confirmations", "confirmation-queue")
    }
    lambda_client = InProcessLambda(lambda_context)

    class Session:
        def client(self, service: str) -> Any:
            return lambda_client if service == "lambda" else session.client(service)

    process_reply.reply_processor.cache_clear()
    record_delivery_event.recorder.cache_clear()
    monkeypatch.setattr(send_text_message, "guarded_sender", lambda: build_guarded_sender(session.client))
    monkeypatch.setattr(cli, "_session", lambda args: Session())
    yield {"sqs": sqs, "queues": queues, "lambda": lambda_client}
    process_reply.reply_processor.cache_clear()
    record_delivery_event.recorder.cache_clear()


def put(aws: dict[str, Any], queue: str, body: dict[str, Any]) -> None:
    aws["sqs"].send_message(QueueUrl=aws["queues"][queue], MessageBody=json.dumps(body))


def run(aws: dict[str, Any], *argv: str, queue: str = "replies") -> tuple[int, str]:
    out = io.StringIO()
    function = {"replies": "reply-fn", "sends": "send-fn", "deliveries": "delivery-fn"}.get(queue, "reply-fn")
    code = cli.main(
        [
            "dead-letters",
            *argv,
            "--queue",
            queue,
            "--queue-url",
            aws["queues"][queue],
            "--function-name",
            function,
        ],
        out=out,
    )
    return code, out.getvalue()


def waiting(aws: dict[str, Any], queue: str) -> int:
    attributes = aws["sqs"].get_queue_attributes(
        QueueUrl=aws["queues"][queue],
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return sum(int(v) for v in attributes.values())


def stop_notification(inbound_id: str = "inbound-1", body: str = "STOP") -> dict[str, Any]:
    return sns_event(body, inbound_id=inbound_id)["Records"][0]["Sns"]


def on_failure_record(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "version": "1.0",
        "requestContext": {"condition": "RetriesExhausted", "approximateInvokeCount": 3},
        "requestPayload": event,
        "responsePayload": {"errorType": "ConfirmationNotSentError", "errorMessage": "..."},
    }


def send_request(destination: str = CUSTOMER) -> dict[str, Any]:
    return {
        "DestinationPhoneNumber": destination,
        "OriginationIdentity": OUR_NUMBER,
        "MessageBody": "Your code is 1234",
    }


def test_list_shows_each_dead_letter_masked_and_leaves_it_there(aws: dict[str, Any]) -> None:
    put(aws, "replies", stop_notification())
    put(aws, "replies", on_failure_record(sns_event("STOP", inbound_id="inbound-2")))

    code, out = run(aws, "list")

    assert code == 0
    assert out.splitlines()[0] == "2 messages on the replies dead-letter queue"
    assert "subscription" in out and "on-failure" in out and "ConfirmationNotSentError" in out
    assert out.count("reply from +141******23 to +184******00") == 2
    assert CUSTOMER not in out and OUR_NUMBER not in out and "STOP" not in out, "no number, no text"
    assert waiting(aws, "replies") == 2


def test_replay_records_an_unprocessed_stop_and_deletes_only_what_succeeded(
    aws: dict[str, Any], dynamodb: Any
) -> None:
    put(aws, "replies", stop_notification())
    malformed = stop_notification("inbound-3")
    malformed["Message"] = json.dumps({"originationNumber": "not a number"})
    put(aws, "replies", malformed)

    code, out = run(aws, "replay")

    assert code == 1, "one was kept"
    assert out.splitlines()[0] == "replayed and deleted 1; kept 1"
    assert "MalformedReplyError again" in out
    assert waiting(aws, "replies") == 1
    history = dynamodb.query(
        TableName=TABLE, KeyConditionExpression="PK = :pk", ExpressionAttributeValues={":pk": {"S": CUSTOMER}}
    )["Items"]
    assert any(item.get("Action", {}).get("S") == "OPT_OUT" for item in history)


def test_replay_of_failed_sends_sends_them_and_keeps_an_invalid_one(aws: dict[str, Any], sms: Any) -> None:
    put(
        aws,
        "sends",
        {"failedSend": {"request": send_request(), "errorCode": "ThrottlingException", "errorMessage": "x"}},
    )
    put(aws, "sends", on_failure_record(send_request("+1555")))

    listed = run(aws, "list", queue="sends")[1]
    assert "failed-send" in listed and "send to +141******23 from +184******00" in listed
    assert "1234" not in listed, "never a message body"
    code, out = run(aws, "replay", queue="sends")

    assert code == 1
    assert out.splitlines()[:2] == ["replayed and deleted 1; kept 1", out.splitlines()[1]]
    assert "result INVALID" in out
    assert [m.body for m in sms.inbox(CUSTOMER)] == ["Your code is 1234"]
    assert waiting(aws, "sends") == 1


def test_stack_names_the_queue_and_the_function_from_its_outputs(aws: dict[str, Any]) -> None:
    template = {
        "Resources": {"Queue": {"Type": "AWS::SQS::Queue"}},
        "Outputs": {
            "TableName": {"Value": TABLE},
            "ReplyDeadLetterQueueUrl": {"Value": {"Ref": "Queue"}},
            "ReplyFunctionName": {"Value": "reply-fn"},
        },
    }
    boto3.client("cloudformation").create_stack(StackName="SmsOptOut-prod", TemplateBody=json.dumps(template))
    (output,) = [
        o
        for o in boto3.client("cloudformation").describe_stacks(StackName="SmsOptOut-prod")["Stacks"][0][
            "Outputs"
        ]
        if o["OutputKey"] == "ReplyDeadLetterQueueUrl"
    ]
    aws["sqs"].send_message(QueueUrl=output["OutputValue"], MessageBody=json.dumps(stop_notification()))

    out = io.StringIO()
    code = cli.main(["--stack", "SmsOptOut-prod", "dead-letters", "replay"], out=out)

    assert (code, out.getvalue().splitlines()[0]) == (0, "replayed and deleted 1; kept 0")
    assert aws["lambda"].invoked == ["reply-fn"]


def visible(aws: dict[str, Any], queue: str) -> tuple[int, int]:
    """Messages visible and hidden (received, not yet deleted or released) on ``queue``."""
    attributes = aws["sqs"].get_queue_attributes(
        QueueUrl=aws["queues"][queue],
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]), int(
        attributes["ApproximateNumberOfMessagesNotVisible"]
    )


def test_a_bare_request_the_send_queue_redrove_is_listed_and_replayed_through_the_sender(
    aws: dict[str, Any], sms: Any
) -> None:
    put(aws, "sends", send_request() | {"IdempotencyKey": "order-1"})  # the send queue's own body

    listed = run(aws, "list", queue="sends")
    code, out = run(aws, "replay", queue="sends")

    assert (
        listed[0] == 0 and "send-queue" in listed[1] and "send to +141******23 from +184******00" in listed[1]
    )
    assert "1234" not in listed[1]
    assert (code, out.splitlines()[0]) == (0, "replayed and deleted 1; kept 0")
    assert [m.body for m in sms.inbox(CUSTOMER)] == ["Your code is 1234"] and visible(aws, "sends") == (0, 0)


def test_a_confirmation_the_queue_gave_up_on_is_listed_masked_and_replayed_through_the_reply_function(
    aws: dict[str, Any], dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a STOP recorded, enforced and queued (another container sending from our number), whose
    # confirmation the confirmation queue redrove to its dead-letter queue, and one for no recorded reply
    configure_queue(aws["queues"]["confirmation-queue"], monkeypatch)
    another_container_sends(dynamodb)
    assert process_reply.handler(sns_event("STOP"), aws["lambda"].context)["outcomes"] == ["OPT_OUT_QUEUED"]
    queued = aws["sqs"].receive_message(QueueUrl=aws["queues"]["confirmation-queue"])["Messages"][0]
    put(aws, "confirmations", json.loads(queued["Body"]))
    unrecorded = json.loads(queued["Body"])
    unrecorded["queuedReply"]["inboundMessageId"] = "never-recorded"
    put(aws, "confirmations", unrecorded)

    listed = run(aws, "list", queue="confirmations")
    code, out = run(aws, "replay", queue="confirmations")

    assert listed[0] == 0 and listed[1].count("confirmation-queue") == 2
    assert "confirmation to +141******23 from +184******00" in listed[1] and CUSTOMER not in listed[1]
    assert (code, out.splitlines()[0]) == (
        1,
        "replayed and deleted 1; kept 1",
    ) and "not confirmed again" in out
    assert len(sms.inbox(CUSTOMER)) == 1 and waiting(aws, "confirmations") == 1


@pytest.mark.parametrize("queue", ["replies", "sends"])
def test_a_body_of_no_known_shape_is_listed_masked_and_stops_nothing(
    aws: dict[str, Any], sms: Any, queue: str
) -> None:
    strangers = [
        "{",
        json.dumps({"note": f"call {CUSTOMER}"}),
        json.dumps([CUSTOMER]),
        json.dumps({"failedSend": 1}),
    ]
    for body in strangers:
        aws["sqs"].send_message(QueueUrl=aws["queues"][queue], MessageBody=body)
    put(aws, queue, stop_notification() if queue == "replies" else send_request())

    code, out = run(aws, "list", queue=queue)

    assert code == 0 and out.splitlines()[0] == f"5 messages on the {queue} dead-letter queue"
    assert out.count("unrecognised") == 4 and CUSTOMER not in out
    assert visible(aws, queue) == (5, 0), "all visible again at once: a second list sees them"
    assert run(aws, "list", queue=queue)[1].splitlines()[0] == f"5 messages on the {queue} dead-letter queue"

    code, out = run(aws, "replay", queue=queue)

    assert code == 1 and out.splitlines()[0] == "replayed and deleted 1; kept 4"
    assert out.count("not a dead letter of this system: not replayed") == 4 and CUSTOMER not in out
    assert visible(aws, queue) == (4, 0), "what was kept is visible again at once"


def test_replay_without_a_function_name_receives_nothing(aws: dict[str, Any], capsys: Any) -> None:
    put(aws, "replies", stop_notification())

    code = cli.main(["dead-letters", "replay", "--queue-url", aws["queues"]["replies"]], out=io.StringIO())

    assert (
        code == 1 and "--stack: give --stack, or --queue-url and --function-name" in capsys.readouterr().err
    )
    assert visible(aws, "replies") == (1, 0)
    (message,) = aws["sqs"].receive_message(
        QueueUrl=aws["queues"]["replies"], AttributeNames=["ApproximateReceiveCount"], VisibilityTimeout=0
    )["Messages"]
    assert message["Attributes"]["ApproximateReceiveCount"] == "1", "this receive is its first"


def test_a_replay_that_breaks_off_leaves_every_message_it_did_not_delete_visible(
    aws: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(4):
        put(aws, "replies", stop_notification(f"inbound-{n}", "STOP"))
    calls = []

    def second_invoke_breaks(letter: Any) -> None:
        calls.append(letter)
        if len(calls) == 2:
            raise RuntimeError("the operator's laptop lost its network")

    monkeypatch.setattr(cli, "FunctionInvoker", lambda *_: second_invoke_breaks)

    with pytest.raises(RuntimeError):
        run(aws, "replay")

    assert visible(aws, "replies") == (3, 0), "the first deleted, the three others visible again"


def test_a_failed_send_of_unknown_outcome_is_kept_on_replay(
    aws: dict[str, Any], sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAILED_SENDS_QUEUE_URL", aws["queues"]["sends"])
    request = send_request() | {"IdempotencyKey": "otp-9"}
    sms.fail_next("SendTextMessage", "InternalServerException")
    assert send_text_message.handler({"messages": [request]}, None)["results"][0]["status"] == "UNKNOWN"
    kept = aws["sqs"].receive_message(QueueUrl=aws["queues"]["sends"], VisibilityTimeout=0)["Messages"]
    assert json.loads(kept[0]["Body"])["failedSend"]["status"] == "UNKNOWN"

    listed = run(aws, "list", queue="sends")[1]
    code, out = run(aws, "replay", queue="sends")

    assert "InternalServerException (UNKNOWN)" in listed
    assert code == 1 and "SendOutcomeUnknownError again" in out
    assert sms.inbox(CUSTOMER) == [] and len(sms.calls("SendTextMessage")) == 1, "never sent again"
    assert visible(aws, "sends") == (1, 0)


def invalid_number_event(message_id: str = "m-1") -> dict[str, Any]:
    """The notification a configuration set's destination publishes when the number does not exist."""
    message = {
        "eventType": "TEXT_INVALID", "eventVersion": "1.0", "eventTimestamp": 1_764_000_000_000,
        "isFinal": True, "originationPhoneNumber": OUR_NUMBER, "destinationPhoneNumber": CUSTOMER,
        "messageId": message_id, "messageStatus": "INVALID", "messageStatusDescription": "no such number",
    }  # fmt: skip
    return {"Type": "Notification", "MessageId": f"sns-{message_id}", "Message": json.dumps(message)}


def test_an_unrecorded_delivery_event_is_listed_masked_and_replayed_through_the_delivery_function(
    aws: dict[str, Any], sms: Any
) -> None:
    """A TEXT_INVALID the delivery function never recorded would leave a dead number texted: replayed,
    it suppresses the number, and the sender then refuses to text it."""
    put(aws, "deliveries", invalid_number_event("m-1"))
    put(
        aws,
        "deliveries",
        on_failure_record({"Records": [{"EventSource": "aws:sns", "Sns": invalid_number_event("m-2")}]}),
    )

    code, out = run(aws, "list", queue="deliveries")
    assert code == 0 and out.splitlines()[0] == "2 messages on the deliveries dead-letter queue"
    assert "delivery event TEXT_INVALID to " in out and CUSTOMER not in out
    assert out.count("delivery function") == 1 and "subscription" in out and "on-failure" in out

    code, out = run(aws, "replay", queue="deliveries")

    assert (code, out.splitlines()[0]) == (0, "replayed and deleted 2; kept 0")
    assert aws["lambda"].invoked == ["delivery-fn", "delivery-fn"]
    assert waiting(aws, "deliveries") == 0
    result = send_text_message.handler({"messages": [send_request()]}, None)
    assert result["results"][0]["status"] == "SUPPRESSED"
    assert sms.inbox(CUSTOMER) == []


def test_a_delivery_event_on_the_replies_queue_still_goes_to_the_delivery_function(
    aws: dict[str, Any],
) -> None:
    """Each letter goes to the function its shape names, whichever queue it was found on."""
    put(aws, "replies", invalid_number_event())
    put(aws, "replies", stop_notification())

    code, out = run(aws, "list")
    assert code == 0 and "delivery event TEXT_INVALID" in out and "reply from" in out

    received = aws["sqs"].receive_message(
        QueueUrl=aws["queues"]["replies"], MaxNumberOfMessages=10, VisibilityTimeout=0
    )["Messages"]
    letters = [read_dead_letter(message) for message in received]
    assert sorted(str(letter.function) for letter in letters) == ["delivery", "reply"]
