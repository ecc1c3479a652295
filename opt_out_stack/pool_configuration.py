"""Phone pools and in-app numbers, each set to two-way SMS on the topic with self-managed opt-outs.

A pool's two-way and opt-out settings govern its numbers, so a number in a pool is configured
through its pool. Existing pools (``pool_ids``) get one custom resource each calling ``UpdatePool``
(both settings off on delete), run one after another like the numbers' configurations. Numbers and
pools the app defines itself (``CfnPhoneNumber``, ``CfnPool``) are set through their own properties:
CloudFormation owns them, so a custom resource would fight it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import aws_cdk.aws_smsvoice as smsvoice
import aws_cdk.aws_sns as sns
from aws_cdk import Stack
from constructs import Construct, IDependable

from opt_out_stack.origination_settings import opt_out_settings
from opt_out_stack.prop_validation import PropError
from opt_out_stack.resource_refs import ResourceKind, resource_refs

POOLS = ResourceKind(
    prop="pool_ids",
    resource="pool",
    id_pattern=re.compile(r"pool-[0-9a-fA-F]{32}"),
    noun="pool",
    item="pool",
    fix="give pool IDs ('pool-' and 32 hex characters, as DescribePools lists them) "
    "or ARNs (arn:aws:sms-voice:REGION:ACCOUNT:pool/pool-...)",
)


@dataclass(frozen=True)
class PoolRef:
    value: str
    """As given: the ID or the ARN."""
    pool_id: str
    arn: str


def pool_refs(stack: Stack, values: Sequence[str]) -> list[PoolRef]:
    """Parse ``pool_ids``; raise PropError naming the value and the fix."""
    return [PoolRef(*ref) for ref in resource_refs(stack, values, POOLS)]


class PoolConfiguration(Construct):
    """Calls UpdatePool on create and update, and turns two-way and self-managed off on delete.

    ``after`` is what must exist first (and go last on delete), as for a number's configuration.
    """

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        pool: PoolRef,
        topic: sns.ITopic,
        after: Sequence[IDependable] = (),
    ):
        super().__init__(scope, construct_id)
        self.pool = pool
        self.resource = opt_out_settings(
            self,
            action="UpdatePool",
            id_parameter="PoolId",
            value=pool.value,
            physical_id=pool.pool_id,
            arn=pool.arn,
            topic=topic,
            after=after,
            output_paths=["PoolId"],
        )


def configure_pools_one_after_another(
    scope: Construct,
    pools: Sequence[PoolRef],
    *,
    topic: sns.ITopic,
    after: Sequence[IDependable],
) -> list[PoolConfiguration]:
    """One configuration per pool, each after ``after`` (the last number's too) and the previous pool's."""
    configurations: list[PoolConfiguration] = []
    for pool in pools:
        configurations.append(
            PoolConfiguration(
                scope, f"Pool-{pool.pool_id}", pool=pool, topic=topic, after=[*after, *configurations[-1:]]
            )
        )
    return configurations


def configure_in_app(
    resources: Sequence[smsvoice.CfnPhoneNumber | smsvoice.CfnPool],
    *,
    topic: sns.ITopic,
    after: Sequence[IDependable],
) -> None:
    """Set two-way SMS on the topic and self-managed opt-outs on the app's own numbers and pools,
    each depending on ``after`` so that opt-outs never come on before a STOP can be received."""
    for resource in resources:
        two_way_type = (
            smsvoice.CfnPool.TwoWayProperty
            if isinstance(resource, smsvoice.CfnPool)
            else smsvoice.CfnPhoneNumber.TwoWayProperty
        )
        resource.two_way = two_way_type(enabled=True, channel_arn=topic.topic_arn)
        resource.self_managed_opt_outs_enabled = True
        for dependency in after:
            resource.node.add_dependency(dependency)


def in_app_resources(
    prop: str, values: Sequence[object], kind: type[smsvoice.CfnPhoneNumber] | type[smsvoice.CfnPool]
) -> list:
    """``phone_numbers`` or ``pools``: a list of ``kind``; raise PropError otherwise."""
    if isinstance(values, str) or not all(isinstance(v, kind) for v in values):
        raise PropError(
            prop,
            values,
            f"is not a list of aws_smsvoice.{kind.__name__}",
            f"give [{kind.__name__}(...), ...]",
        )
    return list(values)
