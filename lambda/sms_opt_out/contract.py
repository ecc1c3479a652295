"""The names both sides share: what the construct (``opt_out_stack``) sets, grants or alarms on, and the
functions read, write or publish. Each is defined here once; a module of either side imports it.

Imports nothing (both handlers load it at cold start, and the construct at synthesis).
"""

from __future__ import annotations

# Environment variables: the construct sets them from its props, ``settings`` (and ``metrics``) read them.
TABLE_NAME_VARIABLE = "OPT_OUT_TABLE_NAME"
FAILED_SENDS_QUEUE_URL_VARIABLE = "FAILED_SENDS_QUEUE_URL"
SEND_QUEUE_URL_VARIABLE = "SEND_QUEUE_URL"
CONFIRMATION_QUEUE_URL_VARIABLE = "CONFIRMATION_QUEUE_URL"
MESSAGES_PER_SECOND_VARIABLE = "MESSAGES_PER_SECOND"
SEND_CONCURRENCY_VARIABLE = "SEND_CONCURRENCY"
ORIGINATION_NUMBERS_VARIABLE = "ORIGINATION_NUMBERS"
NUMBER_TYPES_VARIABLE = "NUMBER_TYPES"
POOL_IDS_VARIABLE = "POOL_IDS"
RCS_AGENT_IDS_VARIABLE = "RCS_AGENT_IDS"
LIST_NUMBERS_VARIABLE = "OPT_OUT_LIST_NUMBERS"
DEFAULT_CONFIGURATION_SET_VARIABLE = "DEFAULT_CONFIGURATION_SET"
NAMESPACE_VARIABLE = "METRICS_NAMESPACE"
LANGUAGES_VARIABLE = "LANGUAGES"
MATCH_MODE_VARIABLE = "MATCH_MODE"
REVOCATION_POLICY_VARIABLE = "REVOCATION_POLICY"
OPT_OUT_SCOPE_VARIABLE = "OPT_OUT_SCOPE"
SEND_RULES_VARIABLE = "SEND_RULES"
RETRY_CAPPED_VARIABLE = "RETRY_CAPPED"
QUIET_HOURS_VARIABLE = "QUIET_HOURS"
FREQUENCY_CAPS_VARIABLE = "FREQUENCY_CAPS"
PROGRAM_NAME_VARIABLE = "PROGRAM_NAME"
SUPPORT_CONTACT_VARIABLE = "SUPPORT_CONTACT"
MESSAGE_FREQUENCY_VARIABLE = "MESSAGE_FREQUENCY"
KEYWORD_VARIABLES = {
    "opt_out_keywords": "OPT_OUT_KEYWORDS",
    "opt_in_keywords": "OPT_IN_KEYWORDS",
    "help_keywords": "HELP_KEYWORDS",
    "revocation_words": "OPT_OUT_WORDS",
    "opt_out_phrases": "OPT_OUT_PHRASES",
}
"""Each ``KeywordSet`` list and its variable (English's; another language's adds ``_<CODE>``)."""
TEXT_VARIABLES = {
    "opt_out_confirmation": "OPT_OUT_CONFIRMATION",
    "opt_in_confirmation": "OPT_IN_CONFIRMATION",
    "help_message": "HELP_MESSAGE",
    "clarification": "CLARIFICATION_MESSAGE",
}
"""Each ``Texts`` field and its variable (English's; another language's adds ``_<CODE>``)."""

# The table: its keys, the prefixes of the items (PK) and attributes each side names, its TTL attribute.
PARTITION_KEY = "PK"
SORT_KEY = "SK"
EXPIRES_AT_ATTRIBUTE = "ExpiresAt"
"""The table's TTL attribute (Number, epoch seconds), of every item that expires: the construct turns
TTL on for it, idempotency keys, cap records and unrecognised replies set it."""
IDEMPOTENCY_PREFIX = "IDEMPOTENCY#"
"""The sender's idempotency key records (PK), which its policy lets it write."""
CAP_PREFIX = "CAP#"
"""The sender's frequency cap records (PK), which its policy lets it write."""
RATE_PREFIX = "RATE#"
"""The rate leases of an origination identity (PK), which the sender's policy lets it update."""
AWS_LIST_PREFIX = "AWSLIST#"
"""A state item's attribute holding an opt-out learned from an AWS opt-out list, per origination: the
one attribute of a customer's item the sender's policy lets it write."""
RECEIPT_PREFIX = "INBOUND#"
IMPORT_PREFIX = "IMPORT#"
LIST_REMOVAL_PREFIX = "LISTREMOVAL#"
DELIVERY_RECORD_PREFIX = "DELIVERY#"
SUPPRESSION_ATTRIBUTE = "Suppression"
"""A state item's suppression (``storage.suppressions``): the number is invalid or blocked."""
BLOCKED_COUNT_ATTRIBUTE = "BlockedEvents"
"""A state item's count of blocked events in a row (``storage.suppressions``)."""

# The SMS API.
THROTTLING = "ThrottlingException"
"""The error code of a send over an identity's rate: paced, retried, counted (``Throttles``)."""

# Limits both sides check: the construct at synthesis (a prop), the runtime at a cold start or a request.
MAX_SEND_CONCURRENCY = 256
"""Most concurrent sends of one invocation (each holds a thread and a connection)."""
MAX_IDEMPOTENCY_KEY_LENGTH = 256
"""The longest ``IdempotencyKey`` a send request may give."""

# Metrics: the functions publish them (EMF), the construct's dashboard and alarms read them.
DEFAULT_NAMESPACE = "SmsOptOut"
DIMENSION = "OriginationIdentity"
MESSAGES_FAILED_METRIC = "MessagesFailed"
THROTTLES_METRIC = "Throttles"
DELIVERED_METRIC = "Delivered"

# Capacity: what the construct sizes the send function's memory and queue concurrency by.
CPU_SECONDS_PER_SEND = 0.00115
"""CPU seconds per send of the send function, handler and botocore, 32 threads: measured by ``make bench``
(``benchmarks.send_cpu``) on 2026-12-07 on an Intel Xeon (2 cores, Python 3.11, shared): 0.98 to 1.32 ms
in 12 runs at load averages of 1.7 to 7, median 1.15 ms. The 32 threads' hand-offs of the interpreter
cost about 0.2 ms a send beyond one thread's (0.88 ms, of which the handler's own work 0.04 ms), and
more on a busier machine, as in a container's fraction of a vCPU: the figure is the median, not one
thread's, so the sizing does not under-provision. The bench prints the figure it measures beside this
one, and flags a drift of more than 15%: then update this one."""

SQS_EVENT_SOURCE = "aws:sqs"
"""The ``eventSource`` of a record SQS hands a function (the send queue's, the confirmation queue's)."""
