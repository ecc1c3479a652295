"""The ``SMSOptOut`` table's access patterns together, for the callers that need several (the reply
processor, the sender, the registry, the importer): each pattern is a class of its own module, matching
one of the construct's grant sets, and this holds one of each for one table and client.

Every caller reads and writes consent (``states``, ``writes``); the others are made, and their modules
imported, when first used, so the sender's cold start does not compile the reply side's receipts and
leases, the audit trail or the imports. Each holds only the table's name and client.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from sms_opt_out.storage.consent_states import ConsentStates
from sms_opt_out.storage.consent_writes import ConsentWrites

if TYPE_CHECKING:
    from sms_opt_out.storage.audit_trail import AuditTrail
    from sms_opt_out.storage.consent_leases import ConsentLeases
    from sms_opt_out.storage.opt_out_imports import OptOutImports
    from sms_opt_out.storage.reply_receipts import ReplyReceipts


class OptOutStore:
    """One table's receipts, leases, consent writes and reads, audit trail and imports."""

    def __init__(self, table_name: str, client: Any) -> None:
        self.table_name = table_name
        self.client = client
        self.states = ConsentStates(table_name, client)
        self.writes = ConsentWrites(table_name, client)

    @classmethod
    def of(cls, table_name: str, client: Any) -> OptOutStore:
        return cls(table_name, client)

    @cached_property
    def receipts(self) -> ReplyReceipts:
        from sms_opt_out.storage.reply_receipts import ReplyReceipts

        return ReplyReceipts(self.table_name, self.client)

    @cached_property
    def leases(self) -> ConsentLeases:
        from sms_opt_out.storage.consent_leases import ConsentLeases

        return ConsentLeases(self.table_name, self.client)

    @cached_property
    def trail(self) -> AuditTrail:
        from sms_opt_out.storage.audit_trail import AuditTrail

        return AuditTrail(self.table_name, self.client)

    @cached_property
    def imports(self) -> OptOutImports:
        from sms_opt_out.storage.opt_out_imports import OptOutImports

        return OptOutImports(self.table_name, self.client)
