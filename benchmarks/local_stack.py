"""moto DynamoDB (in process) and the SMS simulator, with the opt-out table, for the benchmarks."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

import boto3
from moto import mock_aws

from sandbox.local_aws import TABLE_NAME, table_definition
from sandbox.sms_simulator import SmsSimulator

OUR_NUMBER = "+18445550100"
ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_DEFAULT_REGION": "us-east-1",
    "OPT_OUT_TABLE_NAME": TABLE_NAME,
}


@contextlib.contextmanager
def local_stack() -> Iterator[tuple[Any, SmsSimulator]]:
    """Yields (DynamoDB client, SMS simulator); the environment points the handlers at both."""
    saved = dict(os.environ)
    os.environ.update(ENVIRONMENT)
    try:
        with mock_aws(), SmsSimulator() as sms:
            os.environ["AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2"] = sms.endpoint_url
            sms.add_phone_number(OUR_NUMBER)
            client = boto3.client("dynamodb")
            client.create_table(TableName=TABLE_NAME, **table_definition())
            yield client, sms
    finally:
        os.environ.clear()
        os.environ.update(saved)
