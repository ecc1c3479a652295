"""Runtime of the self-managed SMS opt-out system: the Lambda handlers' code and the operator's tools.

The handlers (``process_reply``, ``send_text_message``, ``record_delivery_event``) and the operator
CLI share this package, so every channel writes the same items. Its layers, each a package with a
map of its modules:

- ``domain``: the pure rules (consent, preferences, intents, phone numbers, send windows, leases,
  deadlines); no AWS import.
- ``reply``, ``send``, ``delivery``: the three paths a function runs, orchestration only.
- ``sms``: the End User Messaging SMS adapter; ``storage``: the DynamoDB and SQS adapters, one per
  access pattern.
- ``ops``: the operator's side (CLI, ``OptOutRegistry``, migration, dead letters), never on a hot path.
- ``contract``: the names the construct and the functions share (environment variables, table keys
  and prefixes, the TTL attribute, error codes, limits, metric names, CPU per send); imports nothing.
- Wiring, at this level: ``runtime`` (composition roots), ``settings`` (the environment),
  ``metrics`` (EMF), ``outcomes`` (reply outcomes and send statuses), ``errors``, ``aws_clock``,
  ``service_models`` (the shipped API model), and ``registry`` (the public path of ``OptOutRegistry``).
"""
