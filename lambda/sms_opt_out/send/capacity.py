"""How many sends a second one send container makes: CPU per send, and the CPU Lambda gives a function.

Lambda gives a function CPU in proportion to its memory, one vCPU at ``FULL_VCPU_MEMORY_MB``. A send
costs the container ``CPU_SECONDS_PER_SEND`` of CPU (the handler's code and botocore's
``SendTextMessage``, 32 threads, consent read in batches; measured by ``make bench``), so a container
of ``memory_mb`` makes at most ``sends_per_second(memory_mb)``, whatever its numbers' rates. The
construct can compare that with the rates of the numbers it knows (their sum, spread over the
containers ``max_send_concurrency`` allows) to choose its defaults or warn at synthesis.
"""

from __future__ import annotations

from sms_opt_out.contract import CPU_SECONDS_PER_SEND

__all__ = ["CPU_SECONDS_PER_SEND", "DEFAULT_MEMORY_MB", "FULL_VCPU_MEMORY_MB", "sends_per_second", "vcpus"]

FULL_VCPU_MEMORY_MB = 1_769
"""The memory at which Lambda gives a function one whole vCPU (AWS Lambda Developer Guide, "Memory and
computing power"); below it, the share is proportional."""
DEFAULT_MEMORY_MB = 256
"""The construct's default ``memory_size`` of each function."""


def vcpus(memory_mb: int) -> float:
    """The vCPUs a container's sends can use at ``memory_mb``: proportional, 1 at ``FULL_VCPU_MEMORY_MB``.

    Above it a function gets more vCPUs (up to 6 at 10,240 MB), but one interpreter runs its threads'
    Python one at a time (the GIL), so a container's sends go no faster than at 1.
    """
    return min(1.0, memory_mb / FULL_VCPU_MEMORY_MB)


def sends_per_second(memory_mb: int = DEFAULT_MEMORY_MB, cpu_per_send: float = CPU_SECONDS_PER_SEND) -> float:
    """The most sends a second one send container of ``memory_mb`` makes, CPU-bound."""
    return vcpus(memory_mb) / cpu_per_send
