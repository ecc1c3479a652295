"""CDK construct and stack for self-managed SMS opt-outs on AWS End User Messaging SMS."""

from opt_out_stack.construct import SmsOptOut
from opt_out_stack.stack import OptOutStack

__all__ = ["OptOutStack", "SmsOptOut"]
