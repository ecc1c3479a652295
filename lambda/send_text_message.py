"""Lambda handler of the guarded sender: one request, or a batch under ``messages``."""

from __future__ import annotations

import functools
from typing import Any

from sms_opt_out.errors import InvalidRequestError
from sms_opt_out.runtime import build_guarded_sender, configure_logging
from sms_opt_out.send_service import GuardedSender

configure_logging()


@functools.cache
def guarded_sender() -> GuardedSender:
    """Built on first use and kept for the container's life."""
    return build_guarded_sender()


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """``{"messages": [...]}`` gives ``{"results": [...]}``; a single request gives its result."""
    if isinstance(event, dict) and "messages" in event:
        messages = event["messages"]
        if not isinstance(messages, list):
            raise InvalidRequestError("messages", "must be a list of requests")
        return {"results": guarded_sender().send_batch(messages)}
    return guarded_sender().send_one(event)
