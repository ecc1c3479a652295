"""The originations the construct configures: phone numbers, pools, RCS agents, Notify configurations.

Each is given either by ID or ARN (configured by a custom resource, one after another) or as the app's
own ``aws_smsvoice`` resource (configured through its properties): two-way SMS to the inbound topic
and self-managed opt-outs, on only once a STOP can be received. The functions learn them through
their environment (``ORIGINATION_NUMBERS``, ``NUMBER_TYPES``, ``POOL_IDS``, ``RCS_AGENT_IDS``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import aws_cdk.aws_iam as iam
import aws_cdk.aws_kms as kms
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_smsvoice as smsvoice
import aws_cdk.aws_sns as sns
from aws_cdk import Stack
from constructs import Construct, IDependable

from opt_out_stack.configured_numbers import PhoneNumberRef, phone_number_refs
from opt_out_stack.function_environment import FunctionEnvironments
from opt_out_stack.phone_number_configuration import PhoneNumberConfiguration, configure_one_after_another
from opt_out_stack.pool_configuration import (
    PoolConfiguration,
    PoolRef,
    configure_in_app,
    configure_pools_one_after_another,
    in_app_resources,
    pool_refs,
)
from opt_out_stack.prop_validation import PropError
from opt_out_stack.rcs_agents import (
    RcsAgentConfiguration,
    ResourceRef,
    configure_agents_one_after_another,
    configure_in_app_agents,
    in_app_agents,
    notify_configuration_refs,
    rcs_agent_refs,
)
from opt_out_stack.topic_encryption import SMS_SERVICE_PRINCIPAL
from sms_opt_out import contract


@dataclass(frozen=True)
class Originations:
    """What the props name, checked: existing identities by reference, the app's own as resources."""

    numbers: list[PhoneNumberRef]
    pools: list[PoolRef]
    in_app_numbers: list[smsvoice.CfnPhoneNumber]
    in_app_pools: list[smsvoice.CfnPool]
    agents: list[ResourceRef]
    in_app_agents: list[smsvoice.CfnRcsAgent]
    notify_configurations: list[ResourceRef]

    @property
    def number_arns(self) -> list[str]:
        return [n.arn for n in self.numbers] + [n.attr_arn for n in self.in_app_numbers]

    @property
    def pool_arns(self) -> list[str]:
        return [p.arn for p in self.pools] + [p.attr_arn for p in self.in_app_pools]

    @property
    def agent_arns(self) -> list[str]:
        return [a.arn for a in self.agents] + [a.attr_rcs_agent_arn for a in self.in_app_agents]


def originations(
    stack: Stack,
    *,
    phone_number_ids: Sequence[str],
    pool_ids: Sequence[str],
    phone_numbers: Sequence[smsvoice.CfnPhoneNumber],
    pools: Sequence[smsvoice.CfnPool],
    rcs_agent_ids: Sequence[str],
    rcs_agents: Sequence[smsvoice.CfnRcsAgent],
    notify_configuration_ids: Sequence[str],
) -> Originations:
    """Parse the origination props; raise PropError on a bad value or when none is given."""
    given = Originations(
        numbers=phone_number_refs(stack, phone_number_ids),
        pools=pool_refs(stack, pool_ids),
        in_app_numbers=in_app_resources("phone_numbers", phone_numbers, smsvoice.CfnPhoneNumber),
        in_app_pools=in_app_resources("pools", pools, smsvoice.CfnPool),
        agents=rcs_agent_refs(stack, rcs_agent_ids),
        in_app_agents=in_app_agents(rcs_agents),
        notify_configurations=notify_configuration_refs(stack, notify_configuration_ids),
    )
    if not (
        given.numbers
        or given.pools
        or given.in_app_numbers
        or given.in_app_pools
        or given.agents
        or given.in_app_agents
    ):
        raise PropError(
            "phone_number_ids",
            list(phone_number_ids),
            "is empty, and so are pool_ids, phone_numbers, pools, rcs_agent_ids and rcs_agents",
            "give at least one number, pool or RCS agent to configure",
        )
    return given


def refuse_numbers_configured_elsewhere(given: Originations, others: Sequence[Construct]) -> None:
    """Two instances on one number or pool: the last update wins and one table never sees replies.

    ``others``: the app's other ``SmsOptOut``."""
    ours = {n.phone_number_id for n in given.numbers}
    our_pools = {p.pool_id for p in given.pools}
    for other in others:
        their_numbers: list[PhoneNumberConfiguration] = getattr(other, "phone_numbers", [])
        their_pools: list[PoolConfiguration] = getattr(other, "pools", [])
        for prop, shared in (
            ("phone_number_ids", sorted(ours & {c.phone_number.phone_number_id for c in their_numbers})),
            ("pool_ids", sorted(our_pools & {c.pool.pool_id for c in their_pools})),
        ):
            if shared:
                raise PropError(
                    prop,
                    shared,
                    f"are already configured by {other.node.path}",
                    "configure each number and pool in one SmsOptOut only (share its table instead)",
                )


def inbound_topic(scope: Construct, encryption_key: kms.IKey) -> sns.Topic:
    """``scope``'s ``InboundTopic``: the two-way channel End User Messaging SMS of this account publishes
    replies to, encrypted with ``encryption_key``."""
    topic = sns.Topic(scope, "InboundTopic", master_key=encryption_key, enforce_ssl=True)
    topic.add_to_resource_policy(
        iam.PolicyStatement(
            sid="EndUserMessagingSmsPublishes",
            principals=[iam.ServicePrincipal(SMS_SERVICE_PRINCIPAL)],
            actions=["sns:Publish"],
            resources=[topic.topic_arn],
            conditions={"StringEquals": {"aws:SourceAccount": Stack.of(scope).account}},
        )
    )
    return topic


@dataclass(frozen=True)
class Configured:
    """The custom resources configuring the existing identities, in the order they run."""

    phone_numbers: list[PhoneNumberConfiguration]
    pools: list[PoolConfiguration]
    rcs_agents: list[RcsAgentConfiguration]


def configure(
    scope: Construct, given: Originations, *, topic: sns.ITopic, receivable: Sequence[IDependable]
) -> Configured:
    """Two-way to ``topic`` and self-managed opt-outs on every identity, once ``receivable`` (what a STOP
    needs to be received) exists: numbers, then pools, then agents, one after another."""
    phone_numbers = configure_one_after_another(scope, given.numbers, topic=topic, after=receivable)
    pools = configure_pools_one_after_another(
        scope, given.pools, topic=topic, after=[*receivable, *phone_numbers[-1:]]
    )
    configure_in_app([*given.in_app_numbers, *given.in_app_pools], topic=topic, after=receivable)
    rcs_agents = configure_agents_one_after_another(
        scope, given.agents, topic=topic, after=[*receivable, *phone_numbers[-1:], *pools[-1:]]
    )
    configure_in_app_agents(given.in_app_agents, topic=topic, after=receivable)
    return Configured(phone_numbers=phone_numbers, pools=pools, rcs_agents=rcs_agents)


def tell_the_functions(
    environments: FunctionEnvironments,
    given: Originations,
    configured: Configured,
    *,
    reply_function: lambda_.Function,
    send_function: lambda_.Function,
) -> None:
    """The identities each function recognises, in its environment."""
    stack = Stack.of(send_function)
    # The reply function cannot reference an in-app agent (it depends on the function's
    # subscription): a reply names its agent by ARN, recognised without the list.
    if given.agents:
        environments.add(
            reply_function,
            contract.RCS_AGENT_IDS_VARIABLE,
            stack.to_json_string([a.resource_id for a in given.agents]),
        )
    if given.agents or given.in_app_agents:
        environments.add(
            send_function,
            contract.RCS_AGENT_IDS_VARIABLE,
            stack.to_json_string(
                [a.resource_id for a in given.agents] + [a.attr_rcs_agent_id for a in given.in_app_agents]
            ),
        )
    known = {c.phone_number.phone_number_id: c.e164_number for c in configured.phone_numbers}
    # Each number's type and country, in the order of ORIGINATION_NUMBERS (a list: no ID twice),
    # for AWS's published rate where DescribePhoneNumbers reports none.
    types = {c.phone_number.phone_number_id: c.number_type for c in configured.phone_numbers}
    for number in given.in_app_numbers:
        known[number.attr_phone_number_id] = number.attr_phone_number
        types[number.attr_phone_number_id] = f"{number.number_type}/{number.iso_country_code}"
    environments.add(send_function, contract.ORIGINATION_NUMBERS_VARIABLE, stack.to_json_string(known))
    environments.add(
        send_function, contract.NUMBER_TYPES_VARIABLE, stack.to_json_string([types[k] for k in known])
    )
    # The reply function cannot reference an in-app pool (which depends on the function's
    # subscription): replies to its numbers are recorded for the number, and the sender, which
    # knows the pool, still treats it as one origination.
    environments.add(
        reply_function, contract.POOL_IDS_VARIABLE, stack.to_json_string([p.pool_id for p in given.pools])
    )
    environments.add(
        send_function,
        contract.POOL_IDS_VARIABLE,
        stack.to_json_string([p.pool_id for p in given.pools] + [p.attr_pool_id for p in given.in_app_pools]),
    )


def delivery_identities(given: Originations, configured: Configured) -> list[str]:
    """The E.164 numbers whose delivery is watched one by one (the configured numbers)."""
    return [c.e164_number for c in configured.phone_numbers] + [
        n.attr_phone_number for n in given.in_app_numbers
    ]
