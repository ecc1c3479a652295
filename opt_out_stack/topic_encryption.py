"""The inbound topic's KMS key: End User Messaging SMS must be allowed to use it, or every reply is lost."""

from __future__ import annotations

import json

import aws_cdk.aws_iam as iam
import aws_cdk.aws_kms as kms
from aws_cdk import Annotations, RemovalPolicy, Stack
from constructs import Construct

SMS_SERVICE_PRINCIPAL = "sms-voice.amazonaws.com"
KEY_POLICY_WARNING = "sms-opt-out:encryption-key-policy"


def sms_service_statement(stack: Stack) -> iam.PolicyStatement:
    return iam.PolicyStatement(
        sid="EndUserMessagingSmsPublishesToTheTopic",
        principals=[iam.ServicePrincipal(SMS_SERVICE_PRINCIPAL)],
        actions=["kms:GenerateDataKey*", "kms:Decrypt"],
        resources=["*"],
        conditions={"StringEquals": {"aws:SourceAccount": stack.account}},
    )


def topic_key(scope: Construct, encryption_key: kms.IKey | None) -> kms.IKey:
    """``encryption_key``, or a new rotating key; either way allowed to End User Messaging SMS.

    A key defined in the app gets the statement in its policy; an imported key's policy cannot be
    changed here, so a warning annotation says exactly which statement it needs.
    """
    key = encryption_key or kms.Key(
        scope,
        "Key",
        description="Encrypts the inbound two-way SMS topic",
        enable_key_rotation=True,
        removal_policy=RemovalPolicy.RETAIN,
    )
    stack = Stack.of(scope)
    statement = sms_service_statement(stack)
    if not key.add_to_resource_policy(statement).statement_added:
        document = stack.resolve(statement.to_statement_json())
        if not isinstance(document["Condition"]["StringEquals"]["aws:SourceAccount"], str):
            document["Condition"]["StringEquals"]["aws:SourceAccount"] = "YOUR-ACCOUNT-ID"
        Annotations.of(scope).add_warning_v2(
            KEY_POLICY_WARNING,
            "encryption_key: an imported key's policy cannot be changed by this app; unless its "
            "policy has this statement, End User Messaging SMS cannot publish replies to the topic "
            f"and every STOP is lost: {json.dumps(document, sort_keys=True)}",
        )
    return key
