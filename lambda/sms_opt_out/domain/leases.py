"""The short per-customer lease that serialises the answering of one customer's replies.

While a reply is answered, its customer's ``STATE`` item carries ``LeaseOwner`` and ``LeaseUntil``
(epoch milliseconds), taken with a conditional write. Another delivery of that customer's replies
meanwhile raises ``CustomerBusyError`` and Lambda retries it later. A lease lasts the invocation's
remaining time at its start plus ``GRACE_MS``: Lambda stops the invocation before then, so a lease
outlives its holder only when the holder crashed, and from then on the reply is answered again.
A lease is reckoned by the container's clock and stored, and compared, in AWS's time
(``aws_clock``): containers whose clocks disagree by any amount agree on when a lease ends, to
within about a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from sms_opt_out.aws_clock import AwsClock

GRACE_MS = 5_000
"""Beyond the invocation's remaining time: covers the error of AWS's time as each container reads it."""
OWNER_ATTRIBUTE = "LeaseOwner"
UNTIL_ATTRIBUTE = "LeaseUntil"


@dataclass(frozen=True)
class Lease:
    """Who holds a customer's lease, and until when (epoch ms, by the holder's clock)."""

    owner: str
    until_ms: int
    """By the holder's clock, until ``in_aws_time``."""

    @classmethod
    def for_invocation(cls, owner: str, remaining_ms: int, clock: Callable[[], float] = time.time) -> Lease:
        """A lease for an invocation with ``remaining_ms`` left at its start."""
        return cls(owner, int(clock() * 1000) + max(remaining_ms, 0) + GRACE_MS)

    def for_reply(self, inbound_message_id: str) -> Lease:
        """The same term, owned by one reply of the invocation."""
        return Lease(f"{self.owner}/{inbound_message_id}", self.until_ms)

    def in_aws_time(self, clock: AwsClock) -> Lease:
        """The same lease with its term in AWS's time (``clock`` holds the host's offset from it)."""
        return Lease(self.owner, int(clock.from_host(self.until_ms / 1000) * 1000))
