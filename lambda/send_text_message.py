"""Lambda handler of the guarded sender: one request, a batch under ``messages``, or SQS records."""

from __future__ import annotations

import functools
from typing import Any

from sms_opt_out.deadline import Deadline
from sms_opt_out.runtime import build_guarded_sender, configure_logging
from sms_opt_out.send_events import SendEvent
from sms_opt_out.send_service import GuardedSender

configure_logging()


@functools.cache
def guarded_sender() -> GuardedSender:
    """Built on first use and kept for the container's life."""
    return build_guarded_sender()


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Send what ``event`` asks, within the time ``context`` leaves; see ``send_events`` for the shapes."""
    incoming = SendEvent.parse(event)
    outcome = guarded_sender().send(incoming.requests, Deadline.of(context), incoming.redelivery)
    return incoming.answer(outcome)
