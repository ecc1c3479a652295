"""RCS agents configured like numbers, and the grants for RCS and Notify sends.

An existing agent (``rcs_agent_ids``: IDs or ARNs) gets one custom resource calling
``UpdateRcsAgent`` (two-way to the inbound topic and self-managed opt-outs on; both off on delete),
run one after another after the numbers' and pools' configurations. An agent the app defines
(``aws_smsvoice.CfnRcsAgent``, ``rcs_agents``) is set through its own properties, since
CloudFormation owns it. The send function may send texts and RCS messages from exactly those agents
and the configured pools (where agents sit with numbers), and Notify messages through exactly the
``notify_configuration_ids`` configurations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import aws_cdk.aws_iam as iam
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_smsvoice as smsvoice
import aws_cdk.aws_sns as sns
from aws_cdk import Stack
from constructs import Construct, IDependable

from opt_out_stack.origination_settings import opt_out_settings
from opt_out_stack.permissions import send_text_message_policy
from opt_out_stack.prop_validation import PropError
from opt_out_stack.resource_refs import ResourceKind, resource_refs

RCS_AGENTS = ResourceKind(
    prop="rcs_agent_ids",
    resource="rcs-agent",
    id_pattern=re.compile(r"[A-Za-z0-9_-]{1,64}"),
    noun="RCS agent",
    item="agent",
    fix="give RCS agent IDs (as DescribeRcsAgents lists them) or ARNs "
    "(arn:aws:sms-voice:REGION:ACCOUNT:rcs-agent/ID)",
)
NOTIFY_CONFIGURATIONS = ResourceKind(
    prop="notify_configuration_ids",
    resource="notify-configuration",
    id_pattern=re.compile(r"[A-Za-z0-9_-]{1,64}"),
    noun="Notify configuration",
    item="configuration",
    fix="give Notify configuration IDs (as DescribeNotifyConfigurations lists them) or ARNs "
    "(arn:aws:sms-voice:REGION:ACCOUNT:notify-configuration/ID)",
)
RCS_SEND_ACTIONS = ("sms-voice:SendTextMessage", "sms-voice:SendRcsMessage")
NOTIFY_SEND_ACTIONS = ("sms-voice:SendNotifyTextMessage", "sms-voice:DescribeNotifyConfigurations")


@dataclass(frozen=True)
class ResourceRef:
    value: str
    """As given: the ID or the ARN."""
    resource_id: str
    arn: str


def rcs_agent_refs(stack: Stack, values: Sequence[str]) -> list[ResourceRef]:
    """Parse ``rcs_agent_ids``; raise PropError naming the value and the fix."""
    return [ResourceRef(*ref) for ref in resource_refs(stack, values, RCS_AGENTS)]


def notify_configuration_refs(stack: Stack, values: Sequence[str]) -> list[ResourceRef]:
    """Parse ``notify_configuration_ids``; raise PropError naming the value and the fix."""
    return [ResourceRef(*ref) for ref in resource_refs(stack, values, NOTIFY_CONFIGURATIONS)]


def in_app_agents(values: Sequence[object]) -> list[smsvoice.CfnRcsAgent]:
    """``rcs_agents``: a list of ``CfnRcsAgent``; raise PropError otherwise."""
    if isinstance(values, str) or not all(isinstance(v, smsvoice.CfnRcsAgent) for v in values):
        raise PropError(
            "rcs_agents", values, "is not a list of aws_smsvoice.CfnRcsAgent", "give [CfnRcsAgent(...), ...]"
        )
    return [v for v in values if isinstance(v, smsvoice.CfnRcsAgent)]


class RcsAgentConfiguration(Construct):
    """Calls UpdateRcsAgent on create and update, and turns two-way and self-managed off on delete."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        agent: ResourceRef,
        topic: sns.ITopic,
        after: Sequence[IDependable] = (),
    ):
        super().__init__(scope, construct_id)
        self.agent = agent
        self.resource = opt_out_settings(
            self,
            action="UpdateRcsAgent",
            id_parameter="RcsAgentId",
            value=agent.value,
            physical_id=agent.resource_id,
            arn=agent.arn,
            topic=topic,
            after=after,
            output_paths=["RcsAgentId"],
        )


def configure_agents_one_after_another(
    scope: Construct, agents: Sequence[ResourceRef], *, topic: sns.ITopic, after: Sequence[IDependable]
) -> list[RcsAgentConfiguration]:
    """One configuration per agent, each after ``after`` (the last pool's too) and the previous agent's."""
    configurations: list[RcsAgentConfiguration] = []
    for agent in agents:
        configurations.append(
            RcsAgentConfiguration(
                scope,
                f"RcsAgent-{agent.resource_id}",
                agent=agent,
                topic=topic,
                after=[*after, *configurations[-1:]],
            )
        )
    return configurations


def configure_in_app_agents(
    agents: Sequence[smsvoice.CfnRcsAgent], *, topic: sns.ITopic, after: Sequence[IDependable]
) -> None:
    """Two-way on the topic and self-managed opt-outs on the app's own agents, after ``after``."""
    for agent in agents:
        agent.two_way_enabled = True
        agent.two_way_channel_arn = topic.topic_arn
        agent.self_managed_opt_outs_enabled = True
        for dependency in after:
            agent.node.add_dependency(dependency)


def grant_rcs_and_notify(
    scope: Construct,
    *,
    send_function: lambda_.IFunction,
    reply_function: lambda_.IFunction,
    agent_arns: Sequence[str],
    pool_arns: Sequence[str],
    notify_arns: Sequence[str],
) -> None:
    """Texts and RCS from exactly the agents and the configured pools; answers (texts) to replies
    received through an agent, from it or its pool; Notify through exactly the configurations."""
    if agent_arns:
        send_function.add_to_role_policy(
            iam.PolicyStatement(actions=list(RCS_SEND_ACTIONS), resources=[*agent_arns, *pool_arns])
        )
        send_text_message_policy(scope, "ReplyThroughRcsAgents", reply_function, [*agent_arns, *pool_arns])
    if notify_arns:
        send_function.add_to_role_policy(
            iam.PolicyStatement(actions=list(NOTIFY_SEND_ACTIONS), resources=list(notify_arns))
        )
