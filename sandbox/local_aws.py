"""An embedded AWS for the real handlers: moto (DynamoDB, SNS, SQS) and the SMS simulator.

Everything is reached through boto3's standard endpoint variables, as on AWS. The table comes
from the SmsOptOut construct's own synthesized template, the phone number is configured with
the same UpdatePhoneNumber call as the construct's custom resource (and a phone pool of two more
numbers with UpdatePool, as ``pool_ids``), and replies travel from the simulator through the SNS
topic to an SQS subscription, from which each is handed to the reply handler in the event shape
Lambda receives (moto cannot run Lambda without Docker).
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import logging
import os
from typing import Any

import boto3
import record_delivery_event

import process_reply
import send_text_message
from sandbox.atomic_moto import AtomicMotoServer
from sandbox.lambda_context import LambdaContext
from sandbox.request_counter import RequestCounter
from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.delivery.events import FINAL_EVENT_TYPES
from sms_opt_out.runtime import build_delivery_event_recorder, build_guarded_sender, build_reply_processor

REGION = "us-east-1"
CONFIGURATION_SET = "sms-opt-out-delivery"
QUIET_CONFIGURATION_SET = "bulk-no-events"
"""A configuration set of the app's with no event destination: a request naming it keeps it."""
TABLE_NAME = "SMSOptOut"
MOTO_SERVICES = ("DYNAMODB", "SNS", "SQS")


@functools.cache
def table_definition() -> dict[str, Any]:
    """The opt-out table's key schema and billing mode, from a synthesized SmsOptOut."""
    import aws_cdk as cdk
    from aws_cdk.assertions import Template

    from opt_out_stack import SmsOptOut

    stack = cdk.Stack(cdk.App(), "Sandbox")
    SmsOptOut(stack, "SmsOptOut", phone_number_ids=["phone-" + "0" * 32])
    (table,) = Template.from_stack(stack).find_resources("AWS::DynamoDB::Table").values()
    properties = table["Properties"]
    return {name: properties[name] for name in ("KeySchema", "AttributeDefinitions", "BillingMode")}


class LocalAws:
    """Use as a context manager; ``reply`` and ``send`` run the real handlers."""

    def __init__(
        self,
        our_number: str = "+18445550100",
        pool_numbers: tuple[str, ...] = ("+18445550101", "+18445550102"),
    ) -> None:
        self.our_number = our_number
        self.pool_numbers = pool_numbers
        """The numbers of the phone pool ``pool_id``, configured as the construct's ``pool_ids``."""
        self.pool_id = ""
        self.agent_id = ""
        """An RCS agent of ours in no pool, configured as the construct's ``rcs_agent_ids``."""
        self.moto = AtomicMotoServer()
        self.sms = SmsSimulator(region=REGION)
        self.counter = RequestCounter()
        """Counts the AWS requests the handlers make."""
        self.dead_letters: list[dict[str, Any]] = []
        self.handler_output = io.StringIO()
        """What the handlers wrote to standard output (their EMF records), as CloudWatch Logs gets it."""
        self._saved_environ: dict[str, str] = {}
        self._saved_factories: tuple[Any, ...] | None = None

    def __enter__(self) -> LocalAws:
        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access log of every request
        self.moto.start()
        self.sms.__enter__()
        host, port = self.moto.get_host_and_port()
        self._saved_environ = dict(os.environ)
        os.environ.update(
            {
                "AWS_ACCESS_KEY_ID": "sandbox",
                "AWS_SECRET_ACCESS_KEY": "sandbox",
                "AWS_DEFAULT_REGION": REGION,
                "AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2": self.sms.endpoint_url,
                "OPT_OUT_TABLE_NAME": TABLE_NAME,
                "PROGRAM_NAME": "Example Corp alerts",
                "SUPPORT_CONTACT": "help@example.com",
            }
            | {f"AWS_ENDPOINT_URL_{service}": f"http://{host}:{port}" for service in MOTO_SERVICES}
        )
        for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
            os.environ.pop(name, None)
        self._provision()
        self._wire_handlers()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._saved_factories is not None:
            (
                process_reply.reply_processor,
                send_text_message.guarded_sender,
                record_delivery_event.recorder,
            ) = self._saved_factories
        os.environ.clear()
        os.environ.update(self._saved_environ)
        self.sms.__exit__(*exc_info)
        self.moto.stop()

    def _provision(self) -> None:
        """What ``cdk deploy`` of the construct would leave behind."""
        boto3.client("dynamodb").create_table(TableName=TABLE_NAME, **table_definition())
        self.topic_arn = boto3.client("sns").create_topic(Name="sms-opt-out-inbound")["TopicArn"]
        self.queue_url = self._subscribe_queue(self.topic_arn, "reply-function-events")
        phone_id = self.sms.add_phone_number(self.our_number)["PhoneNumberId"]
        boto3.client("pinpoint-sms-voice-v2").update_phone_number(
            PhoneNumberId=phone_id,
            TwoWayEnabled=True,
            TwoWayChannelArn=self.topic_arn,
            SelfManagedOptOutsEnabled=True,
        )
        sms = boto3.client("pinpoint-sms-voice-v2")
        self.pool_id = sms.create_pool(
            OriginationIdentity=self.sms.add_phone_number(self.pool_numbers[0])["PhoneNumberId"],
            MessageType="TRANSACTIONAL",
        )["PoolId"]
        for number in self.pool_numbers[1:]:
            sms.associate_origination_identity(
                PoolId=self.pool_id, OriginationIdentity=self.sms.add_phone_number(number)["PhoneNumberId"]
            )
        sms.update_pool(
            PoolId=self.pool_id,
            TwoWayEnabled=True,
            TwoWayChannelArn=self.topic_arn,
            SelfManagedOptOutsEnabled=True,
        )
        os.environ["POOL_IDS"] = json.dumps([self.pool_id])
        # delivery_events: the configuration set reports every text's final event to a topic of ours
        self.events_topic_arn = boto3.client("sns").create_topic(Name="sms-opt-out-delivery")["TopicArn"]
        self.events_queue_url = self._subscribe_queue(self.events_topic_arn, "delivery-function-events")
        sms.create_configuration_set(ConfigurationSetName=CONFIGURATION_SET)
        sms.create_event_destination(
            ConfigurationSetName=CONFIGURATION_SET,
            EventDestinationName="sms-opt-out-delivery-events",
            MatchingEventTypes=list(FINAL_EVENT_TYPES),
            SnsDestination={"TopicArn": self.events_topic_arn},
        )
        os.environ["DEFAULT_CONFIGURATION_SET"] = CONFIGURATION_SET
        sms.create_configuration_set(ConfigurationSetName=QUIET_CONFIGURATION_SET)

        self.agent_id = self.sms.add_rcs_agent("sandbox")["RcsAgentId"]
        sms.update_rcs_agent(
            RcsAgentId=self.agent_id,
            TwoWayEnabled=True,
            TwoWayChannelArn=self.topic_arn,
            SelfManagedOptOutsEnabled=True,
        )
        os.environ["RCS_AGENT_IDS"] = json.dumps([self.agent_id])

    def _subscribe_queue(self, topic_arn: str, name: str) -> str:
        """An SQS queue subscribed to ``topic_arn``, standing in for a function's subscription."""
        sqs = boto3.client("sqs")
        url = sqs.create_queue(QueueName=name)["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        boto3.client("sns").subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=arn)
        return url

    def _wire_handlers(self) -> None:
        """The handlers build their clients on a session that counts requests."""
        self._saved_factories = (
            process_reply.reply_processor,
            send_text_message.guarded_sender,
            record_delivery_event.recorder,
        )
        process_reply.reply_processor = functools.cache(lambda: build_reply_processor(self.counter.client))
        send_text_message.guarded_sender = functools.cache(lambda: build_guarded_sender(self.counter.client))
        record_delivery_event.recorder = functools.cache(
            lambda: build_delivery_event_recorder(self.counter.client)
        )

    # The conversation ----------------------------------------------------------------------

    def reply(self, customer: str, body: str) -> dict[str, Any]:
        """The customer texts ``body``; the reply handler processes what the topic delivers."""
        self.sms.receive(customer, self.our_number, body)
        event = {"Records": [self._lambda_record(n) for n in self._drain_topic_subscription()]}
        try:
            with contextlib.redirect_stdout(self.handler_output):
                return process_reply.handler(event, LambdaContext())
        except Exception as error:
            # On AWS, Lambda retries twice and then the on-failure destination keeps the event.
            self.dead_letters.append({"event": event, "error": str(error)})
            raise

    def send(self, request: dict[str, Any]) -> dict[str, Any]:
        """The application invokes the guarded sender."""
        with contextlib.redirect_stdout(self.handler_output):
            return send_text_message.handler(request, LambdaContext())

    def deliver_events(self) -> list[str]:
        """The delivery function records the events the configuration set published since the last call."""
        outcomes: list[str] = []
        self.sms.wait_for_events()
        while notifications := self._drain_topic_subscription(self.events_queue_url):
            event = {"Records": [self._lambda_record(n) for n in notifications]}
            with contextlib.redirect_stdout(self.handler_output):
                outcomes += record_delivery_event.handler(event, LambdaContext())["outcomes"]
        return outcomes

    def _drain_topic_subscription(self, queue_url: str | None = None) -> list[dict[str, Any]]:
        sqs = boto3.client("sqs")
        queue_url = queue_url or self.queue_url
        response = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
        messages = response.get("Messages", [])
        for message in messages:
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
        return [json.loads(m["Body"]) for m in messages]

    def _lambda_record(self, notification: dict[str, Any]) -> dict[str, Any]:
        """An SNS notification as Lambda's SNS event source hands it over."""
        return {
            "EventSource": "aws:sns",
            "EventVersion": "1.0",
            "EventSubscriptionArn": f"{self.topic_arn}:sandbox",
            "Sns": {
                "Type": notification["Type"],
                "MessageId": notification["MessageId"],
                "TopicArn": notification["TopicArn"],
                "Subject": notification.get("Subject"),
                "Message": notification["Message"],
                "Timestamp": notification["Timestamp"],
                "SignatureVersion": notification.get("SignatureVersion", "1"),
                "Signature": notification.get("Signature", ""),
                "SigningCertUrl": notification.get("SigningCertURL", ""),
                "UnsubscribeUrl": notification.get("UnsubscribeURL", ""),
                "MessageAttributes": notification.get("MessageAttributes", {}),
            },
        }
