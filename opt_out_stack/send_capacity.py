"""Enough CPU for the rates configured: the send function's memory and the send queue's concurrency.

Lambda gives a function CPU in proportion to its memory (one vCPU at 1,769 MB), and each send costs
the send function ``CPU_SECONDS_PER_SEND`` of CPU (``sms_opt_out.contract``, measured by
``make bench``). One container, a single Python process whose sends' CPU work holds the GIL, uses at
most one vCPU, so it sends at most ``share of a vCPU x CPU_SHARE_FOR_SENDS / CPU_SECONDS_PER_SEND``
messages a second; the send queue runs at most ``max_send_concurrency`` containers (fewer when
``send_reserved_concurrency`` is lower). The numbers' rates are shared by the fleet, so the fleet
must keep up with their sum.

The rate of an identity the construct configures, as known at synthesis: ``messages_per_second`` by
its ID, ARN or the value given (else ``"*"``), else AWS's published default for an app's own
``CfnPhoneNumber`` of a listed type and country (``sms_opt_out.sms.rate_limits.PUBLISHED_RATES``);
an existing number's type is read only at deploy time, so its rate is not known here unless
``messages_per_second`` names it. A key of ``messages_per_second`` that names none of the configured
IDs or ARNs (an E.164 number) stands for one configured number whose rate is otherwise unknown (or
``"*"``'s).

Left out, ``memory_size`` (of the send function) and ``max_send_concurrency`` follow from the sum:
the defaults (256 MB, 2) when they keep up, which they do for any rate not known at synthesis; more
otherwise. Given, and unable to keep up, synthesis warns with the figures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from aws_cdk import Annotations, Token
from constructs import Construct

from opt_out_stack.numbers import Originations
from opt_out_stack.prop_validation import MAX_MEMORY_MB, MAX_QUEUE_CONCURRENCY
from sms_opt_out.contract import CPU_SECONDS_PER_SEND
from sms_opt_out.send import capacity
from sms_opt_out.send.capacity import DEFAULT_MEMORY_MB, FULL_VCPU_MEMORY_MB
from sms_opt_out.sms.pacing import DEFAULT_IDENTITY
from sms_opt_out.sms.rate_limits import published_rate

MB_PER_VCPU = FULL_VCPU_MEMORY_MB
"""Lambda's memory for one full vCPU (AWS Lambda Developer Guide, "Configure Lambda function memory")."""
MAX_USEFUL_VCPU = capacity.vcpus(MB_PER_VCPU)
"""What one container's single Python process can use of its CPU for sends."""
CPU_SHARE_FOR_SENDS = 0.8
"""The share of a container's CPU the sizing gives to sends: the rest is for the table's requests, the
rate leases, logs and metrics."""
DEFAULT_MAX_SEND_CONCURRENCY = 2
MEMORY_STEP_MB = 64
"""A sized memory is rounded up to a multiple of this."""
WARNING_ID = "sms-opt-out:sendCapacityShort"


@dataclass(frozen=True)
class KnownRates:
    """The configured identities' rates, as known at synthesis."""

    rates: Mapping[str, float]
    """Identity (as given, or ``CfnPhoneNumber`` and its type) to messages per second."""
    unknown: tuple[str, ...]
    """Identities whose rate is known only at deploy or run time."""

    @property
    def total(self) -> float:
        return sum(self.rates.values())


@dataclass(frozen=True)
class SendCapacity:
    """The send function's memory and the queue's concurrency, and what they can send."""

    memory_size: int
    max_concurrency: int
    containers: int
    """The containers the send queue can run: ``max_concurrency``, or the reserved concurrency if lower."""
    needed: float
    """The known rates' sum, messages per second."""

    @property
    def per_container(self) -> float:
        """Sends per second one container makes at ``memory_size``."""
        return sends_per_second(self.memory_size)

    @property
    def per_fleet(self) -> float:
        return self.per_container * self.containers

    @property
    def keeps_up(self) -> bool:
        return self.per_fleet >= self.needed


def known_rates(given: Originations, messages_per_second: Mapping[str, float] | None) -> KnownRates:
    """Each configured identity's rate, where synthesis can know it (the module's rules)."""
    configured = dict(messages_per_second or {})
    default = configured.pop(DEFAULT_IDENTITY, None)
    rates: dict[str, float] = {}
    unknown: list[str] = []
    wildcard: list[str] = []
    named: set[str] = set()
    references = [
        *((n.value, (n.value, n.phone_number_id, n.arn)) for n in given.numbers),
        *((p.value, (p.value, p.pool_id, p.arn)) for p in given.pools),
        *((a.value, (a.value, a.resource_id, a.arn)) for a in given.agents),
    ]
    for identity, names in references:
        rate = next((configured[name] for name in names if name in configured), None)
        named.update(name for name in names if name in configured)
        if rate is not None:
            rates[identity] = float(rate)
        elif default is not None:
            rates[identity] = float(default)
            wildcard.append(identity)
        else:
            unknown.append(identity)
    for index, number in enumerate(given.in_app_numbers):
        identity = f"phone_numbers[{index}] ({number.number_type}/{number.iso_country_code})"
        published = (
            published_rate(number.number_type, number.iso_country_code)
            if not Token.is_unresolved(number.number_type)
            and not Token.is_unresolved(number.iso_country_code)
            else None
        )
        if default is not None:
            rates[identity] = float(default)
            wildcard.append(identity)
        elif published is not None:
            rates[identity] = published
        else:
            unknown.append(identity)
    others = [*(f"pools[{i}]" for i in range(len(given.in_app_pools)))]
    others += [f"rcs_agents[{i}]" for i in range(len(given.in_app_agents))]
    for identity in others:
        if default is not None:
            rates[identity] = float(default)
            wildcard.append(identity)
        else:
            unknown.append(identity)
    for key, rate in configured.items():
        if key in named:
            continue
        # An E.164 number (or another name) of one of the configured identities.
        stands_for = unknown.pop(0) if unknown else wildcard.pop(0) if wildcard else key
        rates.pop(stands_for, None)
        rates[key] = float(rate)
    return KnownRates(rates=rates, unknown=tuple(unknown))


def sends_per_second(memory_size: int) -> float:
    """What one container of ``memory_size`` MB sends a second, with ``CPU_SHARE_FOR_SENDS`` of its CPU."""
    return capacity.sends_per_second(memory_size) * CPU_SHARE_FOR_SENDS


def size(
    needed: float,
    *,
    memory_size: int | None,
    max_concurrency: int | None,
    reserved_concurrency: int | None,
) -> SendCapacity:
    """The send function's memory and the queue's concurrency for ``needed`` messages a second: the
    ones given, and for those left out the smallest (at least the defaults) that keep up."""
    one_container_at_most = sends_per_second(MB_PER_VCPU)
    if max_concurrency is None:
        per_container = one_container_at_most if memory_size is None else sends_per_second(memory_size)
        max_concurrency = min(
            max(DEFAULT_MAX_SEND_CONCURRENCY, math.ceil(needed / per_container)), MAX_QUEUE_CONCURRENCY
        )
    containers = min(max_concurrency, reserved_concurrency or max_concurrency)
    if memory_size is None:
        vcpu = needed / containers * CPU_SECONDS_PER_SEND / CPU_SHARE_FOR_SENDS
        memory = math.ceil(min(vcpu, MAX_USEFUL_VCPU) * MB_PER_VCPU / MEMORY_STEP_MB) * MEMORY_STEP_MB
        memory_size = min(max(DEFAULT_MEMORY_MB, memory), MAX_MEMORY_MB)
    return SendCapacity(
        memory_size=memory_size, max_concurrency=max_concurrency, containers=containers, needed=needed
    )


def warn_when_short(scope: Construct, capacity: SendCapacity, rates: KnownRates) -> None:
    """A synthesis warning with the figures when the send fleet cannot keep up with the known rates."""
    if capacity.keeps_up:
        return
    listed = ", ".join(f"{name} {rate:g}/s" for name, rate in rates.rates.items())
    uncounted = (
        f"; not counted, their rates unknown at synthesis: {', '.join(rates.unknown)}"
        if rates.unknown
        else ""
    )
    vcpu = capacity.needed / capacity.containers * CPU_SECONDS_PER_SEND / CPU_SHARE_FOR_SENDS
    if vcpu <= MAX_USEFUL_VCPU:
        memory = math.ceil(vcpu * MB_PER_VCPU / MEMORY_STEP_MB) * MEMORY_STEP_MB
        fix = f"raise memory_size to {memory} MB or max_send_concurrency to "
    else:
        fix = f"one container uses at most {MAX_USEFUL_VCPU:g} vCPU ({MB_PER_VCPU} MB): "
        fix += "raise max_send_concurrency to "
    fix += f"{math.ceil(capacity.needed / capacity.per_container)}"
    if capacity.containers < capacity.max_concurrency:
        fix += f" (send_reserved_concurrency, {capacity.containers}, caps it: raise that too)"
    Annotations.of(scope).add_warning_v2(
        WARNING_ID,
        f"the send function cannot keep up with its numbers: their known rates add up to "
        f"{capacity.needed:g} messages per second ({listed}{uncounted}), and {capacity.containers} "
        f"containers (max_send_concurrency {capacity.max_concurrency}) of {capacity.memory_size} MB "
        f"({capacity.memory_size / MB_PER_VCPU:.2f} vCPU each) send about {capacity.per_container:.0f} "
        f"a second each at {CPU_SECONDS_PER_SEND * 1000:.2f} ms of CPU per send, {capacity.per_fleet:.0f} "
        f"in all. To keep up, {fix}, or leave both out: they are then sized for the rates.",
    )
