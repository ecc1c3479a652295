"""Logging of the Lambda functions: levels, and never a full number or message body."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

import send_text_message
from sms_opt_out.runtime import build_guarded_sender, configure_logging
from tests.conftest import CUSTOMER, OUR_NUMBER

SDK_LOGGERS = ("botocore", "boto3", "urllib3")


@pytest.fixture(autouse=True)
def restore_levels() -> Iterator[None]:
    names = ("sms_opt_out", *SDK_LOGGERS)
    saved = {name: logging.getLogger(name).level for name in names}
    yield
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def test_at_debug_the_aws_sdk_logs_neither_numbers_nor_message_bodies(
    dynamodb: Any,
    sms: Any,
    lambda_context: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Given: the function's log level at DEBUG, and Lambda's root logger at DEBUG too
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    configure_logging()
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(
        send_text_message, "guarded_sender", lambda: build_guarded_sender(boto3.session.Session().client)
    )
    # When: a text is sent
    request = {"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": OUR_NUMBER, "MessageBody": "Secret"}
    assert send_text_message.handler(request, lambda_context)["status"] == "SENT"

    # Then: this package logs at DEBUG, the SDK only from WARNING, and nothing shows the number or text
    assert logging.getLogger("sms_opt_out").getEffectiveLevel() == logging.DEBUG
    assert [logging.getLogger(name).getEffectiveLevel() for name in SDK_LOGGERS] == [logging.WARNING] * 3
    assert caplog.records, "the sender logged at DEBUG"
    assert CUSTOMER not in caplog.text and CUSTOMER[1:] not in caplog.text and "Secret" not in caplog.text


@pytest.mark.fast
def test_an_unknown_log_level_falls_back_to_info_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "TRACE")

    configure_logging()

    assert logging.getLogger("sms_opt_out").level == logging.INFO
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert (
        warning.getMessage()
        == "LOG_LEVEL: 'TRACE' is not a log level (DEBUG, INFO, WARNING, ERROR, CRITICAL); using INFO"
    )
