"""Lambda handler of the guarded sender: one request, a batch under ``messages``, or SQS records."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from sms_opt_out.contract import THROTTLES_METRIC
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.metrics import SendMetrics
from sms_opt_out.runtime import build_guarded_sender, build_held_messages, configure_logging
from sms_opt_out.send.events import SendEvent
from sms_opt_out.send.service import GuardedSender, Redelivery
from sms_opt_out.settings import Settings

if TYPE_CHECKING:  # built by the runtime when a message is first held
    from sms_opt_out.send.held_messages import HeldMessages

configure_logging()


@functools.cache
def guarded_sender() -> GuardedSender:
    """Built on first use and kept for the container's life."""
    return build_guarded_sender()


@functools.cache
def held_messages() -> HeldMessages:
    """Its SQS client is made when a message is first held."""
    return build_held_messages()


@functools.cache
def send_metrics() -> SendMetrics:
    """Kept for the container's life: it remembers the identities SendTextMessage sent from, and
    knows the construct's own numbers and pools from the start."""
    settings = Settings.from_environ(replies=False)
    numbers = settings.origination_numbers
    return SendMetrics(own={*numbers, *numbers.values(), *settings.pool_ids})


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Send what ``event`` asks, within the time ``context`` leaves; see ``send_events`` for the shapes.

    Every result is counted and written as metrics (EMF, standard output), a failed single send too.
    """
    metrics = send_metrics()
    try:
        incoming = SendEvent.parse(event)
        outcome = guarded_sender().send(incoming.requests, Deadline.of(context), incoming.redelivery)
        if incoming.redelivery is Redelivery.PER_MESSAGE:
            held_messages().hold(incoming.records, outcome)
        metrics.add_results(incoming.requests, outcome.results)
        for number, throttles in outcome.throttles.items():  # our numbers AWS throttled, retried or not
            metrics.add(number, THROTTLES_METRIC, throttles)
        return incoming.answer(outcome)
    finally:
        metrics.flush()
