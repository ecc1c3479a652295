"""The reply function's grants to take a customer who opts back in off the AWS opt-out lists.

Before an opt-in is confirmed, the reply function removes the number from the opt-out lists of the
identities it governs (``sms_opt_out.sms.opt_out_list_removal``): it reads each list's name with
``DescribePhoneNumbers`` and ``DescribePools`` on the configured numbers and pools, and calls
``DeleteOptedOutNumber``, which authorizes against the opt-out list. A list's name is set on the
number or pool, and changes without a deployment, so the grant covers the account's opt-out lists in
this region, for the reply function only (acknowledged to cdk-nag on its policy).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import aws_cdk.aws_iam as iam
import aws_cdk.aws_lambda as lambda_
from aws_cdk import Stack

from opt_out_stack.compliance_acknowledgments import ANY_OPT_OUT_LIST, acknowledge_any_resource
from opt_out_stack.configured_numbers import PhoneNumberRef
from opt_out_stack.permissions import default_policy


def grant_opt_out_list_removal(
    stack: Stack, function: lambda_.Function, numbers: Sequence[PhoneNumberRef], pool_arns: Sequence[str]
) -> tuple[str, str]:
    """Let ``function`` read the configured identities' opt-out list names and remove numbers from the
    account's lists. Returns the opt-out list ARN pattern granted, and the value of
    ``OPT_OUT_LIST_NUMBERS`` that names the numbers to it (the pools are ``POOL_IDS``)."""
    any_list = stack.format_arn(service="sms-voice", resource="opt-out-list", resource_name="*")
    function.add_to_role_policy(
        iam.PolicyStatement(actions=["sms-voice:DeleteOptedOutNumber"], resources=[any_list])
    )
    acknowledge_any_resource(default_policy(function), any_list, ANY_OPT_OUT_LIST)
    if numbers:
        function.add_to_role_policy(
            iam.PolicyStatement(
                actions=["sms-voice:DescribePhoneNumbers"], resources=[n.arn for n in numbers]
            )
        )
    if pool_arns:
        function.add_to_role_policy(
            iam.PolicyStatement(actions=["sms-voice:DescribePools"], resources=list(pool_arns))
        )
    return any_list, json.dumps([n.phone_number_id for n in numbers])
