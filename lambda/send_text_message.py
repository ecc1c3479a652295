"""Lambda handler of the guarded sender: one request, or a batch under ``messages``."""

from __future__ import annotations

import functools
from typing import Any

from sms_opt_out.errors import InvalidRequestError, SendFailedError
from sms_opt_out.metrics import SendMetrics
from sms_opt_out.runtime import build_guarded_sender, configure_logging
from sms_opt_out.send_service import GuardedSender

configure_logging()


@functools.cache
def guarded_sender() -> GuardedSender:
    """Built on first use and kept for the container's life."""
    return build_guarded_sender()


@functools.cache
def send_metrics() -> SendMetrics:
    """Kept for the container's life: it remembers the identities SendTextMessage sent from."""
    return SendMetrics()


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """``{"messages": [...]}`` gives ``{"results": [...]}``; a single request gives its result.

    Every result is counted and written as metrics (EMF, standard output), a failed single send too.
    """
    metrics = send_metrics()
    try:
        if isinstance(event, dict) and "messages" in event:
            messages = event["messages"]
            if not isinstance(messages, list):
                raise InvalidRequestError("messages", "must be a list of requests")
            results = guarded_sender().send_batch(messages)
            metrics.add_results(messages, results)
            return {"results": results}
        try:
            result = guarded_sender().send_one(event)
        except SendFailedError as error:
            metrics.add_results([event], [{"status": "FAILED", "code": error.code}])
            raise
        metrics.add_results([event], [result])
        return result
    finally:
        metrics.flush()
