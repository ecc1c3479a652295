"""The End User Messaging SMS adapter (``pinpoint-sms-voice-v2``): the gateway and its send
operations (text, MMS, RCS, Notify), pacing and rates, origination identities (numbers, pools,
sender IDs, RCS agents, Notify configurations), AWS's opt-out lists, the model's constraints.

What lives where:

- ``aws_opt_out_lists``: Opt-outs that AWS knows of: a send refused because the number is on an AWS
  opt-out list.
- ``gateway``: Adapter for the End User Messaging SMS API (``pinpoint-sms-voice-v2``): checked, paced
  sends.
- ``model_constraints``: The constraints of an AWS service model that botocore does not check before
  sending a request.
- ``notify``: Notify configurations: which pool a ``SendNotifyTextMessage`` send goes out through.
- ``opt_out_list_removal``: Opt-ins that AWS will honour: a number leaves the AWS opt-out lists before its
  opt-in is confirmed.
- ``origination``: Origination identities: what a send goes out as, and the consent keys that govern it.
- ``pacing``: Per-identity pacing of SendTextMessage: a token bucket per origination identity, adaptive on
  throttling.
- ``pools``: Phone pools: which of our numbers each pool holds, read from
  ``ListPoolOriginationIdentities``.
- ``rate_limits``: Each origination identity's messages per second, from what AWS knows of it.
- ``rcs``: RCS agents as origination identities: recognising them, and the agents the construct
  configured.
- ``send_operations``: The send operations the guarded sender speaks, each recognised by a parameter of
  its own.
"""
