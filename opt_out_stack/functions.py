"""The construct's functions: each with a role and a log group of its own, failures to a dead-letter queue.

The reply function (``process_reply.handler``), the sender (``send_text_message.handler``) and the
delivery events function (``record_delivery_event.handler``) are built alike; what each may do is
granted by ``opt_out_stack.permissions`` and the module of the resource it uses.
"""

from __future__ import annotations

from dataclasses import dataclass

import aws_cdk.aws_iam as iam
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_lambda_destinations as destinations
import aws_cdk.aws_logs as logs
import aws_cdk.aws_sqs as sqs
from aws_cdk import Duration, RemovalPolicy
from constructs import Construct

from opt_out_stack.compliance_acknowledgments import ON_FAILURE_DESTINATION, XRAY_ONLY_STAR, acknowledge
from opt_out_stack.implied_dependencies import drop_role_dependency
from opt_out_stack.lambda_asset import lambda_code

DEFAULT_TIMEOUT_SECONDS = 30
RUNTIME = lambda_.Runtime.PYTHON_3_14
RETRY_ATTEMPTS = 2
"""Lambda's retries of a failed asynchronous invocation before it goes to the dead-letter queue."""


@dataclass(frozen=True)
class FunctionSettings:
    """What the props set alike on every function."""

    memory_size: int
    timeout: Duration
    log_retention: logs.RetentionDays
    tracing: lambda_.Tracing


def opt_out_function(
    scope: Construct,
    construct_id: str,
    *,
    handler: str,
    environment: dict[str, str],
    settings: FunctionSettings,
    dead_letter_queue: sqs.IQueue,
    reserved_concurrency: int | None,
) -> lambda_.Function:
    """``scope``'s function ``construct_id`` (with ``{construct_id}Logs`` and ``{construct_id}Role``)
    running ``handler`` of the Lambda asset, on ARM, its failed asynchronous invocations kept on
    ``dead_letter_queue`` (an on-failure destination)."""
    log_group = logs.LogGroup(
        scope, f"{construct_id}Logs", retention=settings.log_retention, removal_policy=RemovalPolicy.RETAIN
    )
    # A role of its own, allowed to write to its own log group only (no AWS managed policy).
    role = iam.Role(scope, f"{construct_id}Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    log_group.grant_write(role)
    function = lambda_.Function(
        scope,
        construct_id,
        runtime=RUNTIME,
        architecture=lambda_.Architecture.ARM_64,
        handler=handler,
        code=lambda_code(),
        memory_size=settings.memory_size,
        timeout=settings.timeout,
        environment=dict(environment),
        role=role,
        log_group=log_group,
        logging_format=lambda_.LoggingFormat.JSON,
        tracing=settings.tracing,
        on_failure=destinations.SqsDestination(dead_letter_queue),
        retry_attempts=RETRY_ATTEMPTS,
        reserved_concurrent_executions=reserved_concurrency,
    )
    drop_role_dependency(function)
    if settings.tracing is not lambda_.Tracing.DISABLED:
        acknowledge(
            role.node.find_child("DefaultPolicy"),
            "AwsSolutions",
            "AwsSolutions-IAM5",
            XRAY_ONLY_STAR,
            "Resource::*",
        )
    acknowledge(function, "Serverless", "Serverless-LambdaDLQ", ON_FAILURE_DESTINATION)
    return function
