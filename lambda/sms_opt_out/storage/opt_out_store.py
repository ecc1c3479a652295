"""The ``SMSOptOut`` table's access patterns together, for the callers that need several (the reply
processor, the sender, the registry, the importer): each pattern is a class of its own module, matching
one of the construct's grant sets, and this holds one of each for one table and client."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sms_opt_out.storage.audit_trail import AuditTrail
from sms_opt_out.storage.consent_leases import ConsentLeases
from sms_opt_out.storage.consent_states import ConsentStates
from sms_opt_out.storage.consent_writes import ConsentWrites
from sms_opt_out.storage.opt_out_imports import OptOutImports
from sms_opt_out.storage.reply_receipts import ReplyReceipts


@dataclass(frozen=True)
class OptOutStore:
    """One table's receipts, leases, consent writes and reads, audit trail and imports."""

    receipts: ReplyReceipts
    leases: ConsentLeases
    writes: ConsentWrites
    states: ConsentStates
    trail: AuditTrail
    imports: OptOutImports

    @classmethod
    def of(cls, table_name: str, client: Any) -> OptOutStore:
        return cls(
            ReplyReceipts(table_name, client),
            ConsentLeases(table_name, client),
            ConsentWrites(table_name, client),
            ConsentStates(table_name, client),
            AuditTrail(table_name, client),
            OptOutImports(table_name, client),
        )
