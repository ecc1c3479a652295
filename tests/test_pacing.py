"""Pacing per origination identity: configured rates, adaptive slow-down, and paced confirmations."""

from __future__ import annotations

import itertools
import threading
from typing import Any

import pytest

from sms_opt_out.errors import ConfigurationError
from sms_opt_out.inbound import InboundReply
from sms_opt_out.leases import Lease
from sms_opt_out.pacing import REDUCTION, Pacer, parse_rates
from sms_opt_out.runtime import build_reply_processor
from tests.conftest import OUR_NUMBER, join_all
from tests.test_send_under_load import customers

OTHER = "+18445550188"


class Clock:
    """The pure tests' clock: no time passes unless a test moves it."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def test_a_configured_rate_spaces_the_slots_of_its_identity_only() -> None:
    clock = Clock()
    pacer = Pacer({OUR_NUMBER: 4, "*": 50}, clock)

    ours = [pacer.reserve(OUR_NUMBER) for _ in range(5)]
    other = [pacer.reserve(OTHER) for _ in range(5)]

    assert ours[0] == other[0] == clock.now
    assert [round(b - a, 3) for a, b in itertools.pairwise(ours)] == [0.25] * 4
    assert [round(b - a, 3) for a, b in itertools.pairwise(other)] == [0.02] * 4


def test_a_rate_configured_under_another_name_of_the_number_applies() -> None:
    pacer = Pacer({"phone-abc": 3})

    assert pacer.configured_rate(OUR_NUMBER, ["phone-abc"]) == 3
    assert pacer.configured_rate(OTHER) is None


def test_a_throttle_slows_the_throttled_identity_once_per_burst_and_no_other() -> None:
    clock = Clock()
    pacer = Pacer(clock=clock)
    starts = [pacer.reserve(OUR_NUMBER) for _ in range(10)]
    pacer.reserve(OTHER)
    clock.now += 0.1  # the first answers come back

    pacer.throttled(OUR_NUMBER, starts[-1])
    slowed = pacer.rate(OUR_NUMBER)
    for start in starts:  # the rest of the burst, answered late: already accounted for
        pacer.throttled(OUR_NUMBER, start)

    assert slowed == pytest.approx(10 * REDUCTION, rel=0.01), "70% of the 10 a second it was sending"
    assert pacer.rate(OUR_NUMBER) == slowed
    assert pacer.rate(OTHER) is None, "an unthrottled identity stays unpaced"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("[3]", "must be a JSON object"),
        ('{"*": 0}', "the rate of '*' must be a positive number"),
        ("{", "JSON"),
    ],
)
def test_bad_rates_name_the_variable(value: str, reason: str) -> None:
    with pytest.raises(ConfigurationError, match=r"^MESSAGES_PER_SECOND: ") as raised:
        parse_rates(value)
    assert reason in str(raised.value)


@pytest.mark.integration
def test_a_burst_of_stops_on_a_rate_limited_number_confirms_every_one(latent_aws: Any) -> None:
    session, sms = latent_aws
    sms.limit_rate(OUR_NUMBER, 5)
    processor = build_reply_processor(session.client)  # one container, as many threads as replies
    stoppers = customers(15)
    outcomes: list[str] = []

    def reply(n: int, customer: str) -> None:
        stop = InboundReply(customer, OUR_NUMBER, "STOP", f"inbound-{n}", "2025-05-01T12:00:00.000Z")
        outcomes.append(processor.process(stop, Lease.for_invocation("burst", 30_000)))

    threads = [threading.Thread(target=reply, args=pair) for pair in enumerate(stoppers)]
    for thread in threads:
        thread.start()
    join_all(threads)

    assert outcomes == ["OPT_OUT"] * len(stoppers)
    assert [len(sms.inbox(c)) for c in stoppers] == [1] * len(stoppers), "one confirmation each"
    assert sms.state.throttled, "the number was throttled, and the confirmations retried"
