"""Replies no keyword rule recognised, kept 90 days for a person to review (the reasonable-person net).

The FCC counts as a revocation any wording "a reasonable person would understand" as one; no list
of keywords can promise that, so every reply classified OTHER or AMBIGUOUS is kept, with the number,
our number, the text, the time and the classifier's evidence (intent, rule, reason, language,
policy), for a reviewer to read (``sms-opt-out replies --unrecognised``) and, where it
is a revocation, to record it (``sms-opt-out opt-out NUMBER --channel sms-review --reference ID``).

Items: ``PK`` = ``UNRECOGNISED``, ``SK`` = ``<received time>#<inboundMessageId>``, so one Query
lists them by time; ``ExpiresAt`` (epoch seconds) lets DynamoDB's TTL delete each after 90 days.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sms_opt_out.contract import EXPIRES_AT_ATTRIBUTE
from sms_opt_out.domain.keywords import Classification, Intent
from sms_opt_out.reply.inbound import InboundReply

PARTITION = "UNRECOGNISED"
KEPT_FOR = timedelta(days=90)


@dataclass(frozen=True)
class UnrecognisedReply:
    customer: str
    our_number: str
    text: str
    """The reply as received."""
    timestamp: str
    """When it was received (UTC ISO-8601, milliseconds)."""
    inbound_message_id: str
    expires_at: int
    """Epoch seconds after which DynamoDB deletes it."""
    intent: str = Intent.OTHER.value
    """OTHER (nothing recognised) or AMBIGUOUS (a revocation word about something else, clarified)."""
    rule: str | None = None
    reason: str | None = None
    """Why the classifier did not take it as an opt-out."""
    language: str | None = None
    policy: str | None = None


class UnrecognisedReplies:
    """Keeps and lists the replies classified OTHER or AMBIGUOUS, in the opt-out table."""

    def __init__(self, table_name: str, client: Any) -> None:
        self.table_name = table_name
        self._client = client

    def keep(self, reply: InboundReply, classification: Classification | None = None) -> UnrecognisedReply:
        """Keep ``reply``, with how it was classified, until 90 days after it was received; a repeated
        delivery rewrites the same item."""
        received = datetime.fromisoformat(reply.timestamp.replace("Z", "+00:00"))
        evidence = classification.evidence() if classification else {}
        kept = UnrecognisedReply(
            customer=reply.customer,
            our_number=reply.our_number,
            text=reply.body,
            timestamp=reply.timestamp,
            inbound_message_id=reply.inbound_message_id,
            expires_at=int((received + KEPT_FOR).timestamp()),
            intent=evidence.get("intent", Intent.OTHER.value),
            rule=evidence.get("rule"),
            reason=evidence.get("reason"),
            language=evidence.get("language"),
            policy=evidence.get("policy"),
        )
        optional = {
            "Rule": kept.rule,
            "Reason": kept.reason,
            "Language": kept.language,
            "Policy": kept.policy,
        }
        self._client.put_item(
            TableName=self.table_name,
            Item={
                "PK": {"S": PARTITION},
                "SK": {"S": f"{kept.timestamp}#{kept.inbound_message_id}"},
                "Customer": {"S": kept.customer},
                "OID": {"S": kept.our_number},
                "ReplyText": {"S": kept.text},
                "Timestamp": {"S": kept.timestamp},
                "InboundMessageId": {"S": kept.inbound_message_id},
                EXPIRES_AT_ATTRIBUTE: {"N": str(kept.expires_at)},
                "Intent": {"S": kept.intent},
                **{name: {"S": value} for name, value in optional.items() if value is not None},
            },
        )
        return kept

    def since(self, timestamp: str | None = None) -> Iterator[UnrecognisedReply]:
        """The kept replies received at or after ``timestamp`` (all when None), oldest first.

        TTL deletes an expired item within days, not at once, so expired ones are left out here.
        """
        condition, values = "PK = :pk", {":pk": {"S": PARTITION}}
        if timestamp is not None:
            condition += " AND SK >= :since"
            values[":since"] = {"S": timestamp}
        kwargs: dict[str, Any] = {
            "TableName": self.table_name,
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": values,
        }
        now = datetime.now(UTC).timestamp()
        while True:
            response = self._client.query(**kwargs)
            for item in response["Items"]:
                kept = _from_item(item)
                if kept.expires_at > now:
                    yield kept
            if "LastEvaluatedKey" not in response:
                return
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    def find(self, inbound_message_id: str) -> UnrecognisedReply | None:
        """The kept reply with ``inbound_message_id``, if it is still kept."""
        return next((r for r in self.since() if r.inbound_message_id == inbound_message_id), None)


def _from_item(item: dict[str, Any]) -> UnrecognisedReply:
    return UnrecognisedReply(
        customer=item["Customer"]["S"],
        our_number=item["OID"]["S"],
        text=item["ReplyText"]["S"],
        timestamp=item["Timestamp"]["S"],
        inbound_message_id=item["InboundMessageId"]["S"],
        expires_at=int(item[EXPIRES_AT_ATTRIBUTE]["N"]),
        intent=item.get("Intent", {}).get("S", Intent.OTHER.value),
        rule=item.get("Rule", {}).get("S"),
        reason=item.get("Reason", {}).get("S"),
        language=item.get("Language", {}).get("S"),
        policy=item.get("Policy", {}).get("S"),
    )
