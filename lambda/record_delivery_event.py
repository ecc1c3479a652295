"""Lambda handler subscribed to the delivery events topic: records each final event of a text."""

from __future__ import annotations

import functools
import logging
from typing import Any

from sms_opt_out.delivery.events import DELIVERY_METRICS, DeliveryEvent, DeliveryEventRecorder
from sms_opt_out.errors import MalformedReplyError
from sms_opt_out.metrics import OutcomeMetrics
from sms_opt_out.runtime import build_delivery_event_recorder, configure_logging, raise_failures

logger = logging.getLogger("sms_opt_out.record_delivery_event")
configure_logging()


@functools.cache
def recorder() -> DeliveryEventRecorder:
    """Built on first use and kept for the container's life."""
    return build_delivery_event_recorder()


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Record every SNS record's event; raise after the last one if any failed (the subscription's
    retries, then its dead-letter queue, keep it). Final events are counted per origination number."""
    records = event.get("Records") if isinstance(event, dict) else None
    if not isinstance(records, list) or not records:
        raise MalformedReplyError("Records", "must be a non-empty list of SNS records")
    outcomes: list[str] = []
    failures: list[Exception] = []
    metrics = OutcomeMetrics(DELIVERY_METRICS)
    for position, record in enumerate(records):
        try:
            sns = record.get("Sns") if isinstance(record, dict) else None
            if not isinstance(sns, dict):
                raise MalformedReplyError(f"Records[{position}].Sns", "must be an SNS notification")
            message = sns.get("Message")
            if not isinstance(message, str):
                raise MalformedReplyError(
                    f"Records[{position}].Sns.Message", "must be a delivery event as JSON"
                )
            delivery = DeliveryEvent.parse(message, f"Records[{position}].Sns.Message")
            outcomes.append(recorder().record(delivery))
            if outcomes[-1] not in ("NOT_FINAL", "DUPLICATE"):
                metrics.add(delivery.origination, delivery.metric)
        except Exception as error:  # noqa: BLE001 - every record gets its turn; all failures are raised below
            logger.error("Records[%d] failed: %s", position, type(error).__name__)
            failures.append(error)
    metrics.flush()
    raise_failures(failures, len(records))
    return {"outcomes": outcomes}
