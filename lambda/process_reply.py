"""Lambda handler subscribed to the two-way SMS topic: records and answers each reply; and fed by the
confirmation queue, whose records it answers at their numbers' shared rate."""

from __future__ import annotations

import functools
import logging
from typing import Any

from sms_opt_out.contract import SQS_EVENT_SOURCE
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.domain.leases import Lease
from sms_opt_out.errors import MalformedReplyError
from sms_opt_out.metrics import ReplyMetrics
from sms_opt_out.reply.inbound import parse_queued_record, parse_sns_record
from sms_opt_out.reply.service import ReplyProcessor
from sms_opt_out.runtime import build_reply_processor, configure_logging, raise_failures

logger = logging.getLogger("sms_opt_out.process_reply")
configure_logging()


@functools.cache
def reply_processor() -> ReplyProcessor:
    """Built on first use and kept for the container's life."""
    return build_reply_processor()


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Process every SNS record within the invocation's time; raise after the last one if any
    failed, so nothing is lost.

    The outcomes are counted and written as metrics (EMF, standard output) before any failure is raised.
    """
    records = event.get("Records") if isinstance(event, dict) else None
    if not isinstance(records, list) or not records:
        raise MalformedReplyError("Records", "must be a non-empty list of SNS records")
    if all(isinstance(r, dict) and r.get("eventSource") == SQS_EVENT_SOURCE for r in records):
        return confirm_queued(records, context)
    deadline = Deadline.of(context)
    lease = Lease.for_invocation(context.aws_request_id, context.get_remaining_time_in_millis())
    outcomes: list[str] = []
    failures: list[Exception] = []
    metrics = ReplyMetrics()
    for position, record in enumerate(records):
        try:
            reply = parse_sns_record(record, position, reply_processor().rcs_agents)
            outcomes.append(reply_processor().process(reply, lease, deadline))
            metrics.add_outcome(reply.our_number, outcomes[-1])
        except Exception as error:  # noqa: BLE001 - every record gets its turn; all failures are raised below
            logger.error("Records[%d] failed: %s", position, error)
            failures.append(error)
    metrics.flush()
    raise_failures(failures, len(records))
    return {"outcomes": outcomes}


def confirm_queued(records: list[dict[str, Any]], context: Any) -> dict[str, Any]:
    """Answer each record of the confirmation queue within the invocation's time; name the ones that
    failed (``batchItemFailures``): the queue delivers them again, and after its last receive keeps
    them on its dead-letter queue.

    The container keeps its share of each number's rate between invocations (the event source invokes
    it again at once while the queue holds more): giving it back after each batch and taking it again
    would cost the number a second of its rate each time. It lapses 2 s after the last send."""
    deadline = Deadline.of(context)
    lease = Lease.for_invocation(context.aws_request_id, context.get_remaining_time_in_millis())
    outcomes: list[str] = []
    failed: list[dict[str, str]] = []
    metrics = ReplyMetrics()
    processor = reply_processor()
    for position, record in enumerate(records):
        try:
            reply = parse_queued_record(record, position, processor.rcs_agents)
            outcomes.append(processor.confirm_queued(reply, lease, deadline))
            metrics.add_queued_outcome(reply.our_number, outcomes[-1])
        except Exception as error:  # noqa: BLE001 - named in batchItemFailures: delivered again
            logger.error("Records[%d] failed: %s", position, error)
            failed.append({"itemIdentifier": str(record.get("messageId", position))})
    metrics.flush()
    return {"outcomes": outcomes, "batchItemFailures": failed}
