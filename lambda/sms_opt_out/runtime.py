"""Wiring of the Lambda functions: settings from the environment, clients from boto3's chain."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

import boto3

from .opt_out_store import OptOutStore
from .reply_service import ReplyProcessor
from .send_service import GuardedSender
from .settings import Settings
from .sms_gateway import SmsGateway

SMS_SERVICE = "pinpoint-sms-voice-v2"


def configure_logging() -> None:
    """Log this package at ``LOG_LEVEL`` (INFO by default) through Lambda's root handler."""
    logging.getLogger(__package__).setLevel(os.environ.get("LOG_LEVEL", "INFO").upper())


def build_reply_processor(session: boto3.session.Session | None = None) -> ReplyProcessor:
    settings = Settings.from_environ()
    session = session or boto3.session.Session()
    store = OptOutStore(settings.table_name, session.client("dynamodb"))
    return ReplyProcessor(store, SmsGateway(session.client(SMS_SERVICE)), settings)


def build_guarded_sender(session: boto3.session.Session | None = None) -> GuardedSender:
    settings = Settings.from_environ()
    session = session or boto3.session.Session()
    store = OptOutStore(settings.table_name, session.client("dynamodb"))
    return GuardedSender(store, SmsGateway(session.client(SMS_SERVICE)), settings.scope)


def raise_failures(failures: Iterable[Exception], total: int) -> None:
    """Raise the one failure as it is, or several as an ExceptionGroup, so Lambda retries them."""
    errors = list(failures)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ExceptionGroup(f"{len(errors)} of {total} records failed", errors)
