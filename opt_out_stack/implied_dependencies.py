"""A function's ``DependsOn`` without its role, which the function's ``Role`` (a ``GetAtt``) already orders.

CDK makes every ``lambda.Function`` depend explicitly on its role, and cfn-lint warns about it
(W3005) in the template a user lints with cfn-lint's defaults. The override keeps every other
``DependsOn`` (the role's policies, which nothing references) as CDK computes them at synthesis.
CloudFormation does not update a resource whose only change is its ``DependsOn``.
"""

from __future__ import annotations

import aws_cdk.aws_lambda as lambda_
import jsii
from aws_cdk import CfnResource, IStableListProducer, Lazy, Stack
from aws_cdk import custom_resources as cr

PROVIDER_ID = "AWS" + cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace("-", "")
"""The construct ID of the one function per stack behind every ``AwsCustomResource``."""


@jsii.implements(IStableListProducer)
class _DependsOnBut:
    """The logical IDs ``resource`` depends on once the app is prepared, but ``implied``'s."""

    def __init__(self, resource: CfnResource, implied: CfnResource) -> None:
        self.resource, self.implied = resource, implied

    def produce(self) -> list[str]:
        stack = Stack.of(self.resource)
        ids = {
            stack.resolve(d.logical_id)
            for d in self.resource.obtain_dependencies()
            if isinstance(d, CfnResource)
        }
        return sorted(ids - {stack.resolve(self.implied.logical_id)})


def drop_role_dependency(function: lambda_.Function) -> None:
    """Leave out ``function``'s ``DependsOn`` its role: its ``Role`` property already refers to it."""
    resource = function.node.default_child
    role = function.role.node.default_child if function.role else None
    assert isinstance(resource, CfnResource) and isinstance(role, CfnResource)
    resource.add_override("DependsOn", Lazy.list(_DependsOnBut(resource, role), omit_empty=True))


def drop_provider_role_dependency(stack: Stack) -> None:
    """The same for the stack's ``AwsCustomResource`` function, when there is one."""
    provider = stack.node.try_find_child(PROVIDER_ID)
    if isinstance(provider, lambda_.Function):
        drop_role_dependency(provider)
