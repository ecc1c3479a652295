"""What each function may do to the table and the SMS API, and the users' grants (``grant_*``).

Each function's statements name its table, numbers, pools and configurations; where a resource is not
known at synthesis (a pool's numbers), the wildcard is acknowledged to cdk-nag on that one policy.
"""

from __future__ import annotations

from collections.abc import Sequence

import aws_cdk.aws_dynamodb as dynamodb
import aws_cdk.aws_iam as iam
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_smsvoice as smsvoice
from aws_cdk import Stack
from constructs import Construct

from opt_out_stack.compliance_acknowledgments import ANY_NUMBER_OF_A_POOL, acknowledge_any_resource
from opt_out_stack.pool_configuration import PoolRef
from sms_opt_out.contract import (
    AWS_LIST_PREFIX,
    CAP_PREFIX,
    IDEMPOTENCY_PREFIX,
    PARTITION_KEY,
    RATE_PREFIX,
    SORT_KEY,
)

RECORD_PREFERENCES_ACTIONS = ("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchGetItem")
"""What ``OptOutRegistry.opt_out``, ``opt_in``, ``status`` and ``is_opted_out`` call."""
READ_PREFERENCES_ACTIONS = ("dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan")
"""What ``OptOutRegistry.status``, ``history`` and the CLI's ``export`` call."""
IDEMPOTENCY_KEY_ACTIONS = ("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:GetItem")
"""What the sender does to its key records and cap records, and only to items whose PK starts with
``IDEMPOTENCY#`` or ``CAP#``."""
REPLY_TABLE_ACTIONS = (
    "dynamodb:BatchGetItem",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:UpdateItem",
)
"""What the reply function does to the table: reads a receipt and a number's rate leases (GetItem:
``RATE#``, once a lease of another container it saw has ended), for a STOP under the lease
the customer's history (Query: was an earlier opt-out answered?), and for a START the customer's AWS
opt-out list records (BatchGetItem, as the registry reads state); writes receipts, history and
unrecognised replies (PutItem, also inside its TransactWriteItems), state, leases, outcomes and
confirmations (UpdateItem, also inside TransactWriteItems). No delete, no scan."""
SEND_TABLE_ACTIONS = ("dynamodb:BatchGetItem",)
"""What the sender does to customers' items: reads their consent."""
AWS_OPT_OUT_RECORD_CONDITIONS = {
    "ForAllValues:StringLike": {
        "dynamodb:LeadingKeys": ["+*"],
        "dynamodb:Attributes": [PARTITION_KEY, SORT_KEY, f"{AWS_LIST_PREFIX}*"],
    },
    "StringEqualsIfExists": {"dynamodb:ReturnValues": "NONE"},
}
"""The one write the sender makes to a customer's items: an opt-out learned from an AWS opt-out list
(``aws_opt_out_lists``), an ``AWSLIST#`` attribute of the state item, which every read takes for an
opt-out whatever it holds: the sender can add an opt-out, never record consent or touch another
attribute. (An UpdateItem naming no attribute writes only the key.)"""
SEND_ACTIONS = ("sms-voice:SendTextMessage", "sms-voice:SendMediaMessage")
"""What the guarded sender calls: texts, and MMS for a request with ``MediaUrls``."""


def any_number(stack: Stack) -> str:
    """The account's phone numbers in the stack's region (a pool's numbers are not known at synthesis)."""
    return stack.format_arn(service="sms-voice", resource="phone-number", resource_name="*")


def default_policy(function: lambda_.Function) -> Construct:
    """The policy ``add_to_role_policy`` writes to, of a function the construct creates."""
    assert function.role is not None, "a function the construct creates has a role"
    policy = function.role.node.find_child("DefaultPolicy")
    assert isinstance(policy, Construct)
    return policy


def send_text_message_policy(
    scope: Construct, construct_id: str, function: lambda_.IFunction, resources: Sequence[str]
) -> None:
    """SendTextMessage on ``resources`` in a policy of its own (``scope``'s ``construct_id``): the app's
    resources named there depend on the function, so its default policy cannot name them."""
    assert function.role is not None, "a function the construct creates has a role"
    function.role.attach_inline_policy(
        iam.Policy(
            scope,
            construct_id,
            statements=[
                iam.PolicyStatement(actions=["sms-voice:SendTextMessage"], resources=list(resources))
            ],
        )
    )


def grant_table(
    table: dynamodb.Table, *, reply_function: lambda_.Function, send_function: lambda_.Function
) -> None:
    """The reply function's items; the sender's consent reads, and writes to its own records only."""
    table.grant(reply_function, *REPLY_TABLE_ACTIONS)
    table.grant(send_function, *SEND_TABLE_ACTIONS)
    # Idempotency key and cap records only: the sender can never write a customer's consent state.
    send_function.add_to_role_policy(
        iam.PolicyStatement(
            actions=list(IDEMPOTENCY_KEY_ACTIONS),
            resources=[table.table_arn],
            conditions={
                "ForAllValues:StringLike": {
                    "dynamodb:LeadingKeys": [f"{IDEMPOTENCY_PREFIX}*", f"{CAP_PREFIX}*"]
                }
            },
        )
    )
    send_function.add_to_role_policy(
        iam.PolicyStatement(
            actions=["dynamodb:UpdateItem"],
            resources=[table.table_arn],
            conditions=AWS_OPT_OUT_RECORD_CONDITIONS,
        )
    )
    # Rate leases only (RATE#<identity>): the containers sending from a number share its rate.
    send_function.add_to_role_policy(
        iam.PolicyStatement(
            actions=["dynamodb:UpdateItem"],
            resources=[table.table_arn],
            conditions={"ForAllValues:StringLike": {"dynamodb:LeadingKeys": [f"{RATE_PREFIX}*"]}},
        )
    )


def grant_send_text_message(
    send_function: lambda_.Function,
    *,
    number_arns: Sequence[str],
    pool_arns: Sequence[str],
    configuration_sets: Sequence[str],
    protect_configurations: Sequence[str],
    own_configuration_sets: Sequence[str] = (),
) -> str | None:
    """Sending on the resource types it authorizes against, as named by the props; pool lookups.

    With pools, a send may go out through any number of a pool (by its number, ID or ARN), and a
    pool's numbers are not known at synthesis: the account's numbers in the region, as for replies.
    Returns that pattern when granted.
    """
    stack = Stack.of(send_function)
    numbers_of_pools = [any_number(stack)] if pool_arns else []
    send_function.add_to_role_policy(
        iam.PolicyStatement(
            actions=list(SEND_ACTIONS),
            resources=[
                *number_arns,
                *pool_arns,
                *numbers_of_pools,
                *own_configuration_sets,
                *(
                    stack.format_arn(service="sms-voice", resource="configuration-set", resource_name=name)
                    for name in configuration_sets
                ),
                *(
                    stack.format_arn(service="sms-voice", resource="protect-configuration", resource_name=i)
                    for i in protect_configurations
                ),
            ],
        )
    )
    if number_arns or numbers_of_pools:
        send_function.add_to_role_policy(
            iam.PolicyStatement(
                actions=["sms-voice:DescribePhoneNumbers"], resources=numbers_of_pools or list(number_arns)
            )
        )
    if pool_arns:
        send_function.add_to_role_policy(
            iam.PolicyStatement(
                actions=["sms-voice:ListPoolOriginationIdentities"], resources=list(pool_arns)
            )
        )
        acknowledge_any_resource(default_policy(send_function), numbers_of_pools[0], ANY_NUMBER_OF_A_POOL)
        return numbers_of_pools[0]
    return None


def grant_replies_from(
    scope: Construct,
    reply_function: lambda_.Function,
    *,
    number_arns: Sequence[str],
    in_app_numbers: Sequence[smsvoice.CfnPhoneNumber],
    pools: Sequence[PoolRef],
    pool_arns: Sequence[str],
) -> str | None:
    """SendTextMessage for the reply function's answers, from the number each reply was sent to, and
    the membership of ``pools`` (read, under scope ORIGINATION, to judge a confirmation).

    Returns the account's numbers in the region when a reply may come to a pool's number (not known
    at synthesis)."""
    if pools:
        reply_function.add_to_role_policy(
            iam.PolicyStatement(
                actions=["sms-voice:ListPoolOriginationIdentities"], resources=[p.arn for p in pools]
            )
        )
    reply_from = list(number_arns)
    numbers_of_pools = any_number(Stack.of(scope)) if pool_arns else None
    if numbers_of_pools is not None:
        reply_from.append(numbers_of_pools)
    if reply_from:
        reply_function.add_to_role_policy(
            iam.PolicyStatement(actions=["sms-voice:SendTextMessage"], resources=reply_from)
        )
    if numbers_of_pools is not None:
        acknowledge_any_resource(default_policy(reply_function), numbers_of_pools, ANY_NUMBER_OF_A_POOL)
    if in_app_numbers and not pool_arns:
        send_text_message_policy(
            scope, "ReplyFromInAppNumbers", reply_function, [n.attr_arn for n in in_app_numbers]
        )
    return numbers_of_pools
