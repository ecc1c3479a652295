"""The DynamoDB and SQS adapters, one per access pattern (each matching one of the construct's grant
sets): reply receipts, consent leases, consent writes and reads, the audit trail, imports, idempotency
keys, frequency caps, suppressions, shared rate leases, the review queue, failed and queued sends, and
queued confirmations.

What lives where:

- ``audit_trail``: Reads of the audit trail: a customer's history (one Query), every state for exports
  (a Scan); ``grant_read_preferences``.
- ``consent_items``: The customer's items of the ``SMSOptOut`` table (history, state, receipts) and their
  attribute values, shared by the modules below.
- ``consent_leases``: Customers' leases on their state items, taken with a reply's state write.
- ``consent_states``: Reads of consent: state items, 100 to a strongly consistent BatchGetItem.
- ``consent_writes``: Writes of consent: an event applied and recorded; what AWS opt-out lists tell.
- ``failed_sends``: Keeps the requests that could not be sent (refused, or invalid off the send queue) for
  an operator.
- ``frequency_caps``: Frequency caps: at most N promotional messages to one person in any 24 hours, across
  containers.
- ``idempotency``: Idempotency keys: at most one send per ``IdempotencyKey`` within 24 hours.
- ``opt_out_imports``: Imports of opt-outs: conditional state updates, 100 to a TransactWriteItems.
- ``opt_out_store``: The ``SMSOptOut`` table's access patterns together, for callers that need several.
- ``queue_messages``: Puts message bodies on an SQS queue, ten to a SendMessageBatch, and says which SQS
  took.
- ``queued_confirmations``: Hands a reply's confirmation that its number has no slot for now to the
  confirmation queue, which the reply function sends at the number's shared rate.
- ``queued_sends``: Hands the requests a direct batch could not send in time to the send queue, which
  sends them.
- ``reply_receipts``: Reply receipts: one per inbound message, written with its history item, settled
  with its answer.
- ``shared_rates``: One rate per number across the fleet: the containers sending from an identity share
  its rate.
- ``suppressions``: Suppressions: numbers the carriers report invalid or blocked, which the sender stops
  texting.
- ``unrecognised_replies``: Replies no keyword rule recognised, kept 90 days for a person to review (the
  reasonable-person net).
"""
