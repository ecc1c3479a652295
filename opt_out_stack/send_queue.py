"""The send queue: bulk sends as SQS messages, one SendTextMessage request per body; and the
confirmation queue: replies whose confirmation waits for its number's rate, one reply per body."""

from __future__ import annotations

import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_lambda_event_sources as event_sources
import aws_cdk.aws_sqs as sqs
from aws_cdk import Duration
from constructs import Construct

from opt_out_stack.compliance_acknowledgments import SQS_EVENT_SOURCE, acknowledge
from sms_opt_out.contract import CONFIRMATION_QUEUE_URL_VARIABLE, SEND_QUEUE_URL_VARIABLE

BATCH_SIZE = 100
"""Messages per invocation: one consent read (BatchGetItem) covers them all."""
BATCHING_WINDOW = Duration.seconds(1)
MAX_RECEIVE_COUNT = 20
"""Deliveries before a message moves to the dead-letter queue: a throttled or deferred message comes
back each time its identity is saturated, so the count is generous."""
VISIBILITY_TIMEOUT_FACTOR = 6
"""AWS's advice: a visibility timeout of at least six times the function's timeout."""
CONFIRMATION_BATCH_SIZE = 1
"""Confirmations per invocation: one, so a confirmation waits for its number's slot for the whole
invocation's time however thinly the number's rate is shared (a batch of ten at a share under 0.35
MPS would run out of time and wait out the visibility timeout: measured in the burst benchmark)."""
CONFIRMATION_CONCURRENCY = 2
"""Invocations taking confirmations at once (SQS's least): they share each number's rate with the
senders (RATE# leases), so more would only split it further."""


class SendQueue(Construct):
    """An encrypted, TLS-only queue that feeds ``function`` with partial batch responses, and where
    ``function`` puts what a direct invocation could not send in time (``SEND_QUEUE_URL``)."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        function: lambda_.Function,
        timeout: Duration,
        dead_letter_queue: sqs.IQueue,
        max_concurrency: int,
        batch_size: int = BATCH_SIZE,
        batching_window: Duration | None = BATCHING_WINDOW,
        variable: str = SEND_QUEUE_URL_VARIABLE,
    ) -> None:
        """``variable`` tells ``function`` the queue's URL; ``batch_size``, ``batching_window`` and
        ``max_concurrency`` shape the event source."""
        super().__init__(scope, construct_id)
        self.queue = sqs.Queue(
            self,
            "Queue",
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            retention_period=Duration.days(4),
            visibility_timeout=Duration.seconds(timeout.to_seconds() * VISIBILITY_TIMEOUT_FACTOR),
            dead_letter_queue=sqs.DeadLetterQueue(
                queue=dead_letter_queue, max_receive_count=MAX_RECEIVE_COUNT
            ),
        )
        source = event_sources.SqsEventSource(
            self.queue,
            batch_size=batch_size,
            max_batching_window=batching_window,
            report_batch_item_failures=True,
            max_concurrency=max_concurrency,
        )
        function.add_event_source(source)
        # What a direct batch cannot send in time goes to the send queue, which sends it (QUEUED); a
        # confirmation its number has no slot for goes to the confirmation queue (CONFIRMATION_QUEUED).
        function.add_environment(variable, self.queue.queue_url)
        self.queue.grant(function, "sqs:SendMessage")
        for mapping in function.node.children:
            if isinstance(mapping, lambda_.EventSourceMapping):
                acknowledge(
                    mapping, "Serverless", "Serverless-LambdaEventSourceMappingDestination", SQS_EVENT_SOURCE
                )


def confirmation_queue(
    scope: Construct,
    *,
    function: lambda_.Function,
    timeout: Duration,
    dead_letter_queue: sqs.IQueue,
) -> sqs.Queue:
    """The confirmation queue, which ``function`` (the reply function) feeds and takes."""
    return SendQueue(
        scope,
        "ConfirmationQueue",
        function=function,
        timeout=timeout,
        dead_letter_queue=dead_letter_queue,
        max_concurrency=CONFIRMATION_CONCURRENCY,
        batch_size=CONFIRMATION_BATCH_SIZE,
        batching_window=None,
        variable=CONFIRMATION_QUEUE_URL_VARIABLE,
    ).queue
