"""CDK construct and stack for self-managed SMS opt-outs on AWS End User Messaging SMS.

``SmsOptOut`` (``construct``) wires the resource families below; ``OptOutStack`` (``stack``) deploys
it with its outputs. Each family's module creates its resources in the construct's scope (so their
construct IDs are the construct's) and acknowledges cdk-nag findings on each resource it creates.

What lives where:

- The whole: ``construct`` (``SmsOptOut``: props, public attributes, ``grant_*``, ``metric*``),
  ``stack`` (``OptOutStack`` and its outputs), ``environments`` (per-environment ``cdk.json`` context
  for ``app.py``).
- Functions: ``functions`` (each function with its role, log group and failure destination),
  ``lambda_asset`` (where the code is, what is bundled), ``function_environment`` (the variables and
  Lambda's 4 KB limit), ``runtime_props`` (the runtime props as variables), ``send_capacity`` (memory
  and concurrency for the numbers' rates), ``implied_dependencies`` (a function's ``DependsOn``).
- Permissions: ``permissions`` (each function's table and SMS actions, the users' grants),
  ``opt_out_list_removal`` (the reply function's grants on AWS opt-out lists),
  ``compliance_acknowledgments`` (the form of a cdk-nag acknowledgement, both generations).
- Storage and queues: ``storage`` (the ``SMSOptOut`` table), ``send_queue`` (bulk sends),
  ``dead_letter_queues`` (retained, alarmed queues of what failed).
- Numbers: ``numbers`` (the originations configured: numbers, pools, RCS agents, Notify),
  ``resource_refs`` and ``configured_numbers`` (IDs and ARNs checked at synthesis),
  ``origination_settings`` (the one custom resource that sets two-way and self-managed opt-outs),
  ``phone_number_configuration``, ``pool_configuration``, ``rcs_agents`` (each kind configured),
  ``topic_encryption`` (the inbound topic's key).
- Observability and events: ``observability`` (dashboard and alarms), ``delivery_events`` (the
  configuration set, its topic and the recording function), ``text_parts`` (warnings on answers of
  more than one SMS part).
- Checks: ``prop_validation`` (every check of the props at synthesis, one message shape).
"""

from opt_out_stack.construct import SmsOptOut
from opt_out_stack.stack import OptOutStack

__all__ = ["OptOutStack", "SmsOptOut"]
