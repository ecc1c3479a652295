"""IDs or ARNs of existing End User Messaging numbers and pools, given as props: checked at synthesis."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from aws_cdk import Stack, Token

from opt_out_stack.prop_validation import PropError


@dataclass(frozen=True)
class ResourceKind:
    """How one kind of resource is named, and how a prop listing them is explained."""

    prop: str
    """The prop, e.g. ``phone_number_ids``."""
    resource: str
    """The ARN's resource type, e.g. ``phone-number``."""
    id_pattern: re.Pattern[str]
    noun: str
    """What one ID names, e.g. ``phone number``."""
    item: str
    """What one entry is called in messages, e.g. ``number``."""
    fix: str

    def arn_pattern(self) -> re.Pattern[str]:
        return re.compile(
            rf"arn:aws[a-z-]*:sms-voice:([a-z0-9-]+):(\d{{12}}):{self.resource}/({self.id_pattern.pattern})"
        )


def resource_refs(stack: Stack, values: Sequence[str], kind: ResourceKind) -> list[tuple[str, str, str]]:
    """``(value as given, ID, ARN)`` of each value; raise PropError naming the value and the fix."""
    if isinstance(values, str):
        raise PropError(kind.prop, values, "is one string", kind.fix)
    arn_pattern = kind.arn_pattern()
    refs: list[tuple[str, str, str]] = []
    for value in values:
        if not isinstance(value, str) or Token.is_unresolved(value):
            raise PropError(
                kind.prop,
                value,
                f"is not a literal (each {kind.item}'s construct ID derives from it)",
                kind.fix,
            )
        if arn := arn_pattern.fullmatch(value):
            _refuse_another_environment(stack, kind, value, region=arn.group(1), account=arn.group(2))
            refs.append((value, arn.group(3), value))
        elif kind.id_pattern.fullmatch(value):
            arn_value = stack.format_arn(service="sms-voice", resource=kind.resource, resource_name=value)
            refs.append((value, value, arn_value))
        else:
            raise PropError(kind.prop, value, f"is neither a {kind.noun} ID nor its ARN", kind.fix)
    ids = [resource_id for _, resource_id, _ in refs]
    if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
        raise PropError(kind.prop, duplicates, "are given more than once", f"list each {kind.item} once")
    return refs


def _refuse_another_environment(
    stack: Stack, kind: ResourceKind, value: str, *, region: str, account: str
) -> None:
    """A number or pool of another region or account cannot be configured (nor sent from) by this stack.

    Checked where the stack's region and account are concrete; an environment-agnostic stack is
    deployed where the CLI's credentials point, so its ARNs are taken as given.
    """
    for what, theirs, ours in (("region", region, stack.region), ("account", account, stack.account)):
        if not Token.is_unresolved(ours) and theirs != ours:
            raise PropError(
                kind.prop,
                value,
                f"is in {theirs}, not the stack's {what} {ours}",
                f"give the {kind.item}s of {stack.region} in {stack.account}, or deploy a stack in {theirs}",
            )
