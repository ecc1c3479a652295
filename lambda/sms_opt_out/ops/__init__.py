"""The operator's side, never on a hot path: the ``sms-opt-out`` CLI, the Python API
(``OptOutRegistry``), migration in and out, dead letters, the deployed stack's discovery.

What lives where:

- ``cli``: ``sms-opt-out``: the operator CLI over the Python API (status, history, other channels,
  migration).
- ``dead_letters``: What waits on the two dead-letter queues, shown masked, and replayed through the
  functions.
- ``deployed_stack``: A deployed stack's opt-out system, found by ``--stack``: an OptOutStack's outputs,
  or in any stack holding one ``SmsOptOut``, the resources the construct marks in their metadata.
- ``migration``: Migration in and out: import existing opt-out lists, export every number currently opted
  out.
- ``origination_keys``: The origination an operator names (CLI ``--from``, the Python API, an import's
  ``origination``).
- ``registry``: Python API for preferences from other channels: what a web portal or call-centre app
  imports.
"""
