"""Wiring of the Lambda functions: settings from the environment, clients from boto3's chain.

Clients come from a botocore session (boto3's own engine, with the same configuration chain:
region, credentials and ``AWS_ENDPOINT_URL_*`` variables) without importing boto3's resource
layer, which would add to every cold start.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import botocore.session
from botocore.config import Config

from sms_opt_out.aws_clock import AwsClock
from sms_opt_out.service_models import use_shipped_models
from sms_opt_out.settings import Settings
from sms_opt_out.sms.gateway import SmsGateway
from sms_opt_out.sms.origination import Originations
from sms_opt_out.sms.pacing import Pacer
from sms_opt_out.sms.pools import PoolMembership
from sms_opt_out.sms.rate_limits import RateLimits, describe_with
from sms_opt_out.storage.opt_out_store import OptOutStore

if TYPE_CHECKING:
    from sms_opt_out.delivery.events import DeliveryEventRecorder
    from sms_opt_out.reply.service import ReplyProcessor
    from sms_opt_out.send.held_messages import HeldMessages
    from sms_opt_out.send.service import GuardedSender
    from sms_opt_out.storage.shared_rates import SharedRates

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
    factory: ClientFactory = use_shipped_models(botocore.session.get_session()).create_client
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
        agents=settings.rcs_agent_ids,
        described=limits.remember,
    )
    pacer = Pacer(
        settings.messages_per_second,
        known_rate=limits.rate,
        fleet_share=fleet.share if fleet is not None else None,
        fleet_release=fleet.release if fleet is not None else None,
        fleet_busy=fleet.others_sending if fleet is not None else None,
    )
    gateway = SmsGateway(client, pacer, originations.names)
    return gateway, originations


def build_reply_processor(
    client: ClientFactory | None = None, clock: Callable[[], float] | None = None
) -> ReplyProcessor:
    """``clock``: the container's own (default: the host's), corrected to AWS's by the table's responses."""
    # Imported here: the send function's cold start does not pay for the reply side's modules.
    from sms_opt_out.reply.service import ReplyProcessor
    from sms_opt_out.sms.opt_out_list_removal import OptOutListNames, OptOutListRemover
    from sms_opt_out.storage.queued_confirmations import QueuedConfirmations
    from sms_opt_out.storage.shared_rates import SharedRates
    from sms_opt_out.storage.suppressions import Suppressions
    from sms_opt_out.storage.unrecognised_replies import UnrecognisedReplies

    settings = Settings.from_environ(sends=False)
    aws_clock = AwsClock(clock)
    make = client or _default_factory()
    dynamodb, sms = _clients(settings, make)
    aws_clock.watch(dynamodb)
    queue = settings.confirmation_queue_url
    # With a confirmation queue the reply function shares each number's rate with the senders (a
    # confirmation goes out at once only when no other container sends from its number).
    fleet = SharedRates(settings.table_name, dynamodb) if queue else None
    gateway, originations = _sms(settings, sms, fleet)
    store = OptOutStore.of(settings.table_name, dynamodb)
    unrecognised = UnrecognisedReplies(settings.table_name, dynamodb)
    lists = OptOutListNames(sms, settings.opt_out_list_numbers, settings.pool_ids)
    return ReplyProcessor(
        store,
        gateway,
        settings,
        originations,
        aws_clock,
        unrecognised=unrecognised,
        list_removal=OptOutListRemover(sms, lists, store),
        suppressions=Suppressions(settings.table_name, dynamodb),
        confirmations=QueuedConfirmations(queue, lambda: make("sqs")) if queue else None,
    )


def build_delivery_event_recorder(client: ClientFactory | None = None) -> DeliveryEventRecorder:
    from sms_opt_out.delivery.events import DeliveryEventRecorder  # not on the other functions' cold starts

    settings = Settings.from_environ(replies=False, sends=False)
    dynamodb, _ = _clients(settings, client or _default_factory())
    return DeliveryEventRecorder(settings.table_name, dynamodb)


def build_guarded_sender(
    client: ClientFactory | None = None, clock: Callable[[], float] | None = None
) -> GuardedSender:
    """``clock``: the container's own (default: the host's), corrected to AWS's by the table's responses
    for keys; the send rules (quiet hours, caps) read ``clock`` itself when one is given (a test's), else
    AWS's time."""
    # Imported here: the reply function's cold start does not pay for the send side's modules.
    from sms_opt_out.send.rules import SendRules
    from sms_opt_out.send.service import GuardedSender
    from sms_opt_out.sms.aws_opt_out_lists import AwsOptOutLearner
    from sms_opt_out.storage.failed_sends import FailedSendQueue
    from sms_opt_out.storage.frequency_caps import FrequencyCaps
    from sms_opt_out.storage.idempotency import IdempotencyKeys
    from sms_opt_out.storage.queued_sends import QueuedSends
    from sms_opt_out.storage.shared_rates import SharedRates

    settings = Settings.from_environ(replies=False)
    make = client or _default_factory()
    dynamodb, sms = _clients(settings, make)
    aws_clock = AwsClock(clock)
    aws_clock.watch(dynamodb)
    failed_sends = (
        FailedSendQueue(settings.failed_sends_queue_url, lambda: make("sqs"))
        if settings.failed_sends_queue_url
        else None
    )
    gateway, originations = _sms(settings, sms, SharedRates(settings.table_name, dynamodb))
    store = OptOutStore.of(settings.table_name, dynamodb)
    return GuardedSender(
        store,
        gateway,
        originations,
        IdempotencyKeys(settings.table_name, dynamodb, aws_clock),
        scope=settings.scope,
        failed_sends=failed_sends,
        concurrency=settings.send_concurrency,
        default_configuration_set=settings.default_configuration_set,
        aws_opt_outs=AwsOptOutLearner(
            store, settings.scope, now=lambda: datetime.fromtimestamp(aws_clock(), UTC)
        ),
        queued_sends=QueuedSends(settings.send_queue_url, lambda: make("sqs"))
        if settings.send_queue_url
        else None,
        send_rules=SendRules(
            settings.send_rules, FrequencyCaps(settings.table_name, dynamodb), clock or aws_clock
        ),
    )


def build_held_messages(
    client: ClientFactory | None = None, clock: Callable[[], float] = time.time
) -> HeldMessages:
    from sms_opt_out.send.held_messages import HeldMessages

    settings = Settings.from_environ(replies=False)
    make = client or _default_factory()
    return HeldMessages(lambda: make("sqs"), settings.send_rules.retry_capped, clock)


def raise_failures(failures: Iterable[Exception], total: int) -> None:
    """Raise the one failure as it is, or several as an ExceptionGroup, so Lambda retries them."""
    errors = list(failures)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ExceptionGroup(f"{len(errors)} of {total} records failed", errors)
