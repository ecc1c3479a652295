"""The ``SMSOptOut`` table: consent state, history, receipts and the sender's records, in one table."""

from __future__ import annotations

import aws_cdk.aws_dynamodb as dynamodb
from aws_cdk import RemovalPolicy
from constructs import Construct

from opt_out_stack import prop_validation
from sms_opt_out.contract import EXPIRES_AT_ATTRIBUTE, PARTITION_KEY, SORT_KEY


def opt_out_table(
    scope: Construct, *, table_name: str | None, removal_policy: RemovalPolicy
) -> dynamodb.Table:
    """``scope``'s ``Table``: on demand, point-in-time recovery, deletion protection unless DESTROY."""
    return dynamodb.Table(
        scope,
        "Table",
        table_name=prop_validation.table_name(table_name),
        partition_key=dynamodb.Attribute(name=PARTITION_KEY, type=dynamodb.AttributeType.STRING),
        sort_key=dynamodb.Attribute(name=SORT_KEY, type=dynamodb.AttributeType.STRING),
        billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
        point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
            point_in_time_recovery_enabled=True
        ),
        deletion_protection=removal_policy != RemovalPolicy.DESTROY,
        # Idempotency keys and unrecognised replies kept for review (nothing of the audit trail)
        # expire by it: one attribute, ExpiresAt, for every item that expires.
        time_to_live_attribute=EXPIRES_AT_ATTRIBUTE,
        encryption=dynamodb.TableEncryption.AWS_MANAGED,
        removal_policy=removal_policy,
    )
