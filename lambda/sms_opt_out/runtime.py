"""Wiring of the Lambda functions: settings from the environment, clients from boto3's chain.

Clients come from a botocore session (boto3's own engine, with the same configuration chain:
region, credentials and ``AWS_ENDPOINT_URL_*`` variables) without importing boto3's resource
layer, which would add to every cold start.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from typing import Any

import botocore.session

from .failed_sends import FailedSendQueue
from .opt_out_store import OptOutStore
from .reply_service import ReplyProcessor
from .send_service import GuardedSender
from .settings import Settings
from .sms_gateway import SmsGateway

SMS_SERVICE = "pinpoint-sms-voice-v2"

ClientFactory = Callable[[str], Any]
"""Makes a client for a service name: ``boto3.session.Session().client`` or the like."""


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
SDK_LOGGERS = ("botocore", "boto3", "urllib3")
"""At DEBUG they log request bodies (full numbers, message text): kept at WARNING whatever the level."""


def configure_logging() -> None:
    """Log this package at ``LOG_LEVEL`` (INFO by default, and for an unknown level, with a warning)
    through Lambda's root handler; the AWS SDK's loggers stay at WARNING."""
    for name in SDK_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    package = logging.getLogger(__package__)
    level = os.environ.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if level in LOG_LEVELS:
        package.setLevel(level)
        return
    package.setLevel(logging.INFO)
    package.warning("LOG_LEVEL: %r is not a log level (%s); using INFO", level, ", ".join(LOG_LEVELS))


def _default_factory() -> ClientFactory:
    return botocore.session.get_session().create_client


def build_reply_processor(client: ClientFactory | None = None) -> ReplyProcessor:
    settings = Settings.from_environ()
    client = client or _default_factory()
    store = OptOutStore(settings.table_name, client("dynamodb"))
    return ReplyProcessor(store, SmsGateway(client(SMS_SERVICE)), settings)


def build_guarded_sender(client: ClientFactory | None = None) -> GuardedSender:
    settings = Settings.from_environ()
    make = client or _default_factory()
    store = OptOutStore(settings.table_name, make("dynamodb"))
    failed_sends = (
        FailedSendQueue(settings.failed_sends_queue_url, lambda: make("sqs"))
        if settings.failed_sends_queue_url
        else None
    )
    return GuardedSender(store, SmsGateway(make(SMS_SERVICE)), settings.scope, failed_sends)


def raise_failures(failures: Iterable[Exception], total: int) -> None:
    """Raise the one failure as it is, or several as an ExceptionGroup, so Lambda retries them."""
    errors = list(failures)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ExceptionGroup(f"{len(errors)} of {total} records failed", errors)
