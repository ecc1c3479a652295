"""A deployed stack's opt-out system, found by ``--stack``: an OptOutStack's outputs, or in any stack
holding one ``SmsOptOut``, the resources the construct marks in their metadata."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sms_opt_out.errors import InvalidFieldError

RESOURCE_MARKER = "sms-opt-out:resource"
"""Metadata key the construct puts on its table, functions and dead-letter queues: their role and path."""
ROLES = {
    "table": "TableName",
    "reply-function": "ReplyFunctionName",
    "send-function": "SendFunctionName",
    "reply-dead-letter-queue": "ReplyDeadLetterQueueUrl",
    "send-dead-letter-queue": "SendDeadLetterQueueUrl",
    "confirmation-dead-letter-queue": "ConfirmationDeadLetterQueueUrl",
    "delivery-function": "DeliveryFunctionName",
    "delivery-dead-letter-queue": "DeliveryDeadLetterQueueUrl",
}
"""Each marked role, and the OptOutStack output that names it."""


@dataclass(frozen=True)
class DeployedOptOut:
    stack_name: str
    resources: dict[str, str]
    """Physical ID (table name, function name, queue URL) by role."""

    def get(self, role: str, flag: str) -> str:
        if role not in self.resources:
            raise InvalidFieldError(
                flag, f"stack {self.stack_name} has no {role} of an SmsOptOut; give {flag}"
            )
        return self.resources[role]

    @classmethod
    def find(cls, cloudformation: Any, stack_name: str) -> DeployedOptOut:
        """Outputs first; else the one SmsOptOut among the stack's resources; raise naming the stack."""
        (stack,) = cloudformation.describe_stacks(StackName=stack_name)["Stacks"]
        outputs = {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}
        if ROLES["table"] in outputs:
            return cls(stack_name, {role: outputs[key] for role, key in ROLES.items() if key in outputs})
        template = cloudformation.get_template(StackName=stack_name)["TemplateBody"]
        if isinstance(template, str):
            template = json.loads(template)
        marked: dict[str, dict[str, str]] = {}
        for logical_id, resource in template.get("Resources", {}).items():
            marker = (resource.get("Metadata") or {}).get(RESOURCE_MARKER)
            if marker:
                marked.setdefault(marker["construct"], {})[marker["role"]] = logical_id
        if not marked:
            raise InvalidFieldError(
                "--stack", f"{stack_name} holds no SmsOptOut; name the table with --table"
            )
        if len(marked) > 1:
            raise InvalidFieldError(
                "--stack",
                f"{stack_name} holds {len(marked)} SmsOptOut ({', '.join(sorted(marked))}); use --table",
            )
        (logical_ids,) = marked.values()
        physical = _physical_ids(cloudformation, stack_name)
        return cls(stack_name, {role: physical[logical] for role, logical in logical_ids.items()})


def _physical_ids(cloudformation: Any, stack_name: str) -> dict[str, str]:
    ids: dict[str, str] = {}
    for page in cloudformation.get_paginator("list_stack_resources").paginate(StackName=stack_name):
        for summary in page["StackResourceSummaries"]:
            ids[summary["LogicalResourceId"]] = summary.get("PhysicalResourceId", "")
    return ids
