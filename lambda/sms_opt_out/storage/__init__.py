"""The DynamoDB and SQS adapters, one per access pattern: consent state, receipts, leases and
history (``opt_out_store``), idempotency keys, frequency caps, suppressions, shared rate
leases, the review queue, failed and queued sends.

What lives where:

- ``failed_sends``: Keeps the requests that could not be sent (refused, or invalid off the send queue) for
  an operator.
- ``frequency_caps``: Frequency caps: at most N promotional messages to one person in any 24 hours, across
  containers.
- ``idempotency``: Idempotency keys: at most one send per ``IdempotencyKey`` within 24 hours.
- ``opt_out_store``: DynamoDB adapter for the ``SMSOptOut`` table.
- ``queue_messages``: Puts message bodies on an SQS queue, ten to a SendMessageBatch, and says which SQS
  took.
- ``queued_sends``: Hands the requests a direct batch could not send in time to the send queue, which
  sends them.
- ``shared_rates``: One rate per number across the fleet: the containers sending from an identity share
  its rate.
- ``suppressions``: Suppressions: numbers the carriers report invalid or blocked, which the sender stops
  texting.
- ``unrecognised_replies``: Replies no keyword rule recognised, kept 90 days for a person to review (the
  reasonable-person net).
"""
