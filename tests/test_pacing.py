"""Pacing per origination identity: configured rates, adaptive slow-down, and paced confirmations."""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Sequence
from typing import Any

import boto3
import pytest

from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.domain.leases import Lease
from sms_opt_out.errors import ConfigurationError
from sms_opt_out.reply.inbound import InboundReply
from sms_opt_out.runtime import build_reply_processor
from sms_opt_out.sms.gateway import SmsGateway
from sms_opt_out.sms.pacing import KNOWN_RATE_HEADROOM, MIN_RATE, REDUCTION, Pacer, parse_rates
from tests.conftest import OUR_NUMBER, join_all
from tests.test_send_under_load import customers
from tests.virtual_time import EVERYONE, ThreadTime

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


def test_a_throttle_slows_the_throttled_identity_to_what_aws_accepted_once_per_burst() -> None:
    clock = Clock()
    pacer = Pacer(clock=clock)
    starts = [pacer.reserve(OUR_NUMBER) for _ in range(16)]
    pacer.reserve(OTHER)
    clock.now += 0.05  # the answers come back: AWS took 10 of the 16
    for _ in range(10):
        pacer.accepted(OUR_NUMBER)

    pacer.throttled(OUR_NUMBER, starts[-1])
    slowed = pacer.rate(OUR_NUMBER)
    for start in starts:  # the rest of the burst, answered late: already accounted for
        pacer.throttled(OUR_NUMBER, start)

    assert slowed == pytest.approx(10 * REDUCTION), "92% of the 10 a second AWS accepted, not of the 16 tried"
    assert pacer.rate(OUR_NUMBER) == slowed
    assert pacer.rate(OTHER) is None, "an unthrottled identity stays unpaced"


def test_a_slot_taken_before_a_slow_down_is_stale() -> None:
    clock = Clock()
    pacer = Pacer({OUR_NUMBER: 10}, clock)
    before = pacer.changes(OUR_NUMBER)
    taken = [pacer.reserve(OUR_NUMBER) for _ in range(5)]

    pacer.throttled(OUR_NUMBER, taken[0])

    assert pacer.changes(OUR_NUMBER) == before + 1
    assert pacer.reserve(OUR_NUMBER) < taken[-1], "the next slot starts from now at the new pace"


def test_a_throttle_with_nothing_accepted_starts_low_and_doubles_each_second() -> None:
    clock = Clock()
    pacer = Pacer(clock=clock)
    start = pacer.reserve(OUR_NUMBER)
    pacer.throttled(OUR_NUMBER, start)

    assert pacer.rate(OUR_NUMBER) == MIN_RATE
    clock.now += 3
    assert pacer.rate(OUR_NUMBER) == pytest.approx(MIN_RATE * 8)


def test_a_known_rate_paces_an_identity_with_none_configured_and_configured_comes_first() -> None:
    asked: list[tuple[str, ...]] = []

    def known(names: Sequence[str]) -> float | None:
        asked.append(tuple(names))
        return 3.0

    clock = Clock()
    pacer = Pacer({OTHER: 7}, clock, known_rate=known)
    ours = [pacer.reserve(OUR_NUMBER, ["phone-abc"]) for _ in range(3)]
    pacer.reserve(OTHER)

    assert [b - a for a, b in itertools.pairwise(ours)] == pytest.approx([1 / (3 * KNOWN_RATE_HEADROOM)] * 2)
    assert pacer.rate(OTHER) == 7
    assert asked == [(OUR_NUMBER, "phone-abc")], "asked once, for the identity without a configured rate"


class _Bucket:
    """AWS's limit on a number, as the simulator keeps it: ``rate`` a second, one second's worth held."""

    def __init__(self, rate: float, clock: Clock) -> None:
        self.rate, self.clock = rate, clock
        self.tokens, self.at = max(1.0, rate), clock()

    def take(self) -> bool:
        now = self.clock()
        self.tokens = min(max(1.0, self.rate), self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


def _discover(true_rate: float, seconds: float, workers: int = 16, latency: float = 0.05) -> list[float]:
    """Accepted send times of ``workers`` threads sending from one unconfigured number for ``seconds``,
    as the gateway does (a slot, re-taken when stale; a throttle answered after ``latency``), on a
    virtual clock: events in time order, nothing sleeps."""
    clock = Clock()
    pacer, bucket = Pacer(clock=clock), _Bucket(true_rate, clock)
    began = clock.now
    events: list[tuple[float, int, str, int]] = [(clock.now, n, "free", 0) for n in range(workers)]
    heapq.heapify(events)
    order = itertools.count(workers)
    accepted: list[float] = []
    while events and events[0][0] - began < seconds:
        clock.now, _, kind, tag = heapq.heappop(events)
        if kind == "free":
            pace = pacer.changes(OUR_NUMBER)
            heapq.heappush(events, (pacer.reserve(OUR_NUMBER), next(order), "send", pace))
        elif kind == "send" and pacer.changes(OUR_NUMBER) != tag:
            heapq.heappush(events, (clock.now, next(order), "free", 0))
        elif kind == "send":
            answer = "accepted" if bucket.take() else "throttled"
            heapq.heappush(events, (clock.now + latency, next(order), answer, int(clock.now * 1e6)))
        elif kind == "accepted":
            pacer.accepted(OUR_NUMBER)
            accepted.append(clock.now - began)
            heapq.heappush(events, (clock.now, next(order), "free", 0))
        else:
            pacer.throttled(OUR_NUMBER, tag / 1e6)
            heapq.heappush(events, (clock.now + latency, next(order), "free", 0))
    return accepted


@pytest.mark.parametrize("true_rate", [1.0, 3.0, 10.0, 100.0])
def test_discovery_settles_within_10_percent_of_the_true_rate(true_rate: float) -> None:
    accepted = _discover(true_rate, 90)

    settled = [at for at in accepted if 30 <= at < 90]
    assert len(settled) / 60 == pytest.approx(true_rate, rel=0.10)


class Client:
    """Answers each send at once and records when it came (``clock()``); the gateway reads its
    service model for checks only."""

    def __init__(self, clock: Any = None) -> None:
        self.meta = boto3.session.Session().client("pinpoint-sms-voice-v2", region_name="us-east-1").meta
        self.clock = clock
        self.sent: list[float] = []

    def send_text_message(self, **params: Any) -> dict[str, Any]:
        self.sent.append(self.clock() if self.clock is not None else 0.0)
        return {"MessageId": f"m{len(self.sent)}"}


@pytest.mark.parametrize("pause", [(1_000.3, 1_001.8), (1_000.0, 1_000.9)])
def test_sends_woken_late_by_a_loaded_machine_never_exceed_the_rate_in_any_second(
    pause: tuple[float, float],
) -> None:
    """30 sends at 20 a second, one thread each (as ``dispatch`` runs a batch of 30): their slots are
    taken at once, then the process pauses. A loaded machine makes sends later, never earlier: the ones
    whose slots came during the pause must not all go at its end (AWS, holding a second's worth, would
    throttle what exceeds 20)."""
    rate, count = 20, 30
    time = ThreadTime(count, 1_000.0, {EVERYONE: pause})  # a loaded machine pauses every thread
    client = Client(time)
    gateway = SmsGateway(client, Pacer({OUR_NUMBER: rate}, time), sleep=time.sleep)
    batch = [
        {"DestinationPhoneNumber": to, "OriginationIdentity": OUR_NUMBER, "MessageBody": "Hi"}
        for to in customers(count)
    ]

    def send(params: dict[str, Any]) -> None:
        try:
            gateway.send(params, deadline=Deadline.none())
        finally:
            time.done()

    threads = [threading.Thread(target=send, args=(params,)) for params in batch]
    for thread in threads:
        thread.start()
    join_all(threads)

    sent = sorted(client.sent)
    assert len(sent) == count
    second = 1 - 1e-9  # 20 intervals of 0.05 s add up to a hair under 1 s in floating point
    busiest = max(sum(1 for at in sent if start <= at < start + second) for start in sent)
    assert busiest <= rate, f"{busiest} sends within one second"
    clock = Clock()
    aws = _Bucket(rate, clock)
    for clock.now in sent:
        assert aws.take(), "AWS would throttle it"


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


@pytest.mark.parametrize(
    ("share", "sent_before", "alone"),
    [((1.0, 0.0), 0, True), ((0.5, 0.0), 0, False), ((1.0, 0.0), 4, False), ((1.0, 0.0), 3, True)],
    ids=["alone-with-a-slot-now", "another-container-sends", "own-pace-spent-past-1s", "own-slot-within-1s"],
)
def test_a_slot_alone_needs_the_whole_shared_rate_and_a_slot_within_the_wait(
    share: tuple[float, float], sent_before: int, alone: bool
) -> None:
    """The reply path confirms at once only on a number no other container sends from, with a slot of
    its own pace within a second (``Pacer.slot_alone``); the check takes no slot."""
    now = [100.0]
    pacer = Pacer({OUR_NUMBER: 3.0}, clock=lambda: now[0], fleet_share=lambda _: share)
    for _ in range(sent_before):
        pacer.reserve(OUR_NUMBER)

    assert pacer.slot_alone(OUR_NUMBER, within=1.0) is alone
    assert pacer.slot_alone(OUR_NUMBER, within=1.0) is alone, "asking took no slot"
