"""The send path: event shapes in and answers out, the guarded sender (orchestration only), its
dispatch, consent reads and send rules (``send_text_message.handler`` wires it).

What lives where:

- ``capacity``: How many sends a second one send container makes: CPU per send, and the CPU Lambda
  gives a function.
- ``consent_reads``: Consent read fresh for each send: never older than ``FRESH_FOR_SECONDS`` when the
  send starts.
- ``dispatch``: Runs a batch's sends concurrently, next the one whose origination identity is free
  soonest.
- ``events``: The send function's event shapes in, and its answers out.
- ``held_messages``: Send-queue messages held until their window opens: their visibility is set to the
  wait.
- ``rules``: The sender's one decision before a marketing text goes: now, later (held), or not for a while
  (capped).
- ``service``: The guarded sender: texts only customers who have not opted out, and fails closed.
"""
