"""What one send container makes of its CPU: the figure the construct's sizing follows from."""

from __future__ import annotations

import pytest

from sms_opt_out.send.capacity import (
    CPU_SECONDS_PER_SEND,
    DEFAULT_MEMORY_MB,
    FULL_VCPU_MEMORY_MB,
    sends_per_second,
    vcpus,
)


def test_a_container_gets_cpu_in_proportion_to_its_memory_up_to_one_vcpu() -> None:
    assert vcpus(FULL_VCPU_MEMORY_MB) == 1.0
    assert vcpus(FULL_VCPU_MEMORY_MB // 2) == pytest.approx(0.5, abs=1e-3)
    assert vcpus(10_240) == 1.0, "one interpreter's sends use one vCPU at a time"


def test_sends_per_second_is_the_cpu_over_the_cpu_per_send() -> None:
    assert sends_per_second(FULL_VCPU_MEMORY_MB) == pytest.approx(1 / CPU_SECONDS_PER_SEND)
    assert sends_per_second(DEFAULT_MEMORY_MB) == pytest.approx(
        DEFAULT_MEMORY_MB / FULL_VCPU_MEMORY_MB / CPU_SECONDS_PER_SEND
    )
    assert sends_per_second(1_024, cpu_per_send=0.002) == pytest.approx(1_024 / FULL_VCPU_MEMORY_MB / 0.002)
