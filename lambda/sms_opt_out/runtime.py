"""Wiring of the Lambda functions: settings from the environment, clients from boto3's chain.

Clients come from a botocore session (boto3's own engine, with the same configuration chain:
region, credentials and ``AWS_ENDPOINT_URL_*`` variables) without importing boto3's resource
layer, which would add to every cold start.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import botocore.session
from botocore.config import Config

from .failed_sends import FailedSendQueue
from .idempotency import IdempotencyKeys
from .opt_out_store import OptOutStore
from .origination import Originations
from .pacing import Pacer
from .pools import PoolMembership
from .queued_sends import QueuedSends
from .rate_limits import RateLimits, describe_with
from .send_service import GuardedSender
from .settings import Settings
from .shared_rates import SharedRates
from .sms_gateway import SmsGateway

if TYPE_CHECKING:
    from .reply_service import ReplyProcessor

SMS_SERVICE = "pinpoint-sms-voice-v2"

ClientFactory = Callable[..., Any]
"""Makes a client for a service name (and ``config``): ``boto3.session.Session().client`` or the like."""


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
    factory: ClientFactory = botocore.session.get_session().create_client
    return factory


def _clients(settings: Settings, make: ClientFactory) -> tuple[Any, Any]:
    """DynamoDB and SMS clients with a connection for every concurrent send (botocore keeps 10).

    The SMS client makes one attempt per call: the gateway paces and retries throttling per
    identity itself, and a 5xx of SendTextMessage is not retried blindly (it may have sent). It
    skips botocore's own parameter validation: the gateway checks every request against the
    service model first.
    """
    pool = Config(max_pool_connections=settings.send_concurrency + 4)
    single_attempt = pool.merge(Config(retries={"total_max_attempts": 1}, parameter_validation=False))
    return make("dynamodb", config=pool), make(SMS_SERVICE, config=single_attempt)


def _sms(
    settings: Settings, client: Any, fleet: SharedRates | None = None
) -> tuple[SmsGateway, Originations]:
    """The gateway and the origination directory of one container: one pace per identity for all
    its threads, and with ``fleet`` a share of each known rate across the containers."""
    limits = RateLimits(settings.number_types, describe_with(client))
    originations = Originations(
        client,
        settings.origination_numbers,
        pools=PoolMembership(client, settings.pool_ids),
        described=limits.remember,
    )
    pacer = Pacer(
        settings.messages_per_second,
        known_rate=limits.rate,
        fleet_share=fleet.share if fleet is not None else None,
    )
    gateway = SmsGateway(client, pacer, originations.names)
    return gateway, originations


def build_reply_processor(client: ClientFactory | None = None) -> ReplyProcessor:
    # Imported here: the send function's cold start does not pay for the reply side's modules.
    from .reply_service import ReplyProcessor
    from .unrecognised_replies import UnrecognisedReplies

    settings = Settings.from_environ()
    dynamodb, sms = _clients(settings, client or _default_factory())
    gateway, originations = _sms(settings, sms)
    store = OptOutStore(settings.table_name, dynamodb)
    unrecognised = UnrecognisedReplies(settings.table_name, dynamodb)
    return ReplyProcessor(store, gateway, settings, originations, unrecognised=unrecognised)


def build_guarded_sender(client: ClientFactory | None = None) -> GuardedSender:
    settings = Settings.from_environ()
    make = client or _default_factory()
    dynamodb, sms = _clients(settings, make)
    failed_sends = (
        FailedSendQueue(settings.failed_sends_queue_url, lambda: make("sqs"))
        if settings.failed_sends_queue_url
        else None
    )
    gateway, originations = _sms(settings, sms, SharedRates(settings.table_name, dynamodb))
    return GuardedSender(
        OptOutStore(settings.table_name, dynamodb),
        gateway,
        originations,
        IdempotencyKeys(settings.table_name, dynamodb),
        scope=settings.scope,
        failed_sends=failed_sends,
        concurrency=settings.send_concurrency,
        queued_sends=QueuedSends(settings.send_queue_url, lambda: make("sqs"))
        if settings.send_queue_url
        else None,
    )


def raise_failures(failures: Iterable[Exception], total: int) -> None:
    """Raise the one failure as it is, or several as an ExceptionGroup, so Lambda retries them."""
    errors = list(failures)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ExceptionGroup(f"{len(errors)} of {total} records failed", errors)
