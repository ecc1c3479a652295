"""One rate per number across the fleet: leases in the table, against the moto server, with threads."""

from __future__ import annotations

import json
import threading
from typing import Any

import boto3
import pytest

from sandbox.sms_simulator import SmsSimulator
from sms_opt_out.domain.deadline import Deadline
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.sms.gateway import RECHECK_SECONDS, SmsGateway
from sms_opt_out.sms.pacing import KNOWN_RATE_HEADROOM, Pacer
from sms_opt_out.storage.shared_rates import (
    JOINING_WAIT_SECONDS,
    KEY_PREFIX,
    LEASE_SECONDS,
    RENEW_SECONDS,
    SharedRates,
)
from tests.conftest import OUR_NUMBER, TABLE, WAIT_SECONDS, join_all
from tests.test_pacing import Client
from tests.virtual_time import ThreadTime


class Clock:
    """Epoch seconds that pass only when a test moves them."""

    def __init__(self) -> None:
        self.now = 1_767_225_600.0

    def __call__(self) -> float:
        return self.now


def containers(client: Any, clock: Clock, count: int) -> list[SharedRates]:
    return [SharedRates(TABLE, client, clock, container=f"c{n}") for n in range(count)]


def two_joined(client: Any) -> tuple[Clock, SharedRates, SharedRates]:
    """Two containers that have joined one number, in this order, and are due to renew."""
    clock = Clock()
    first, second = containers(client, clock, 2)
    first.share(OUR_NUMBER)
    second.share(OUR_NUMBER)
    clock.now += RENEW_SECONDS
    return clock, first, second


def test_one_container_alone_gets_the_whole_rate_at_once(moto_server: Any) -> None:
    (alone,) = containers(moto_server, Clock(), 1)

    assert alone.share(OUR_NUMBER) == (1.0, 0.0)


def test_a_container_joining_others_waits_for_them_to_make_room(moto_server: Any) -> None:
    clock = Clock()
    sending, joining = containers(moto_server, clock, 2)
    sending.share(OUR_NUMBER)

    assert joining.share(OUR_NUMBER) == (0.5, RENEW_SECONDS), "the other goes on at 1 until it renews"
    clock.now += RENEW_SECONDS
    assert sending.share(OUR_NUMBER) == (0.5, 0.0)
    assert joining.share(OUR_NUMBER) == (0.5, 0.0)


def test_a_container_joining_waits_only_until_the_last_other_has_renewed(moto_server: Any) -> None:
    clock = Clock()
    sending, joining = containers(moto_server, clock, 2)
    sending.share(OUR_NUMBER)
    clock.now += 0.75 * RENEW_SECONDS

    fraction, wait = joining.share(OUR_NUMBER)
    assert fraction == 0.5 and wait == pytest.approx(0.25 * RENEW_SECONDS)


def test_four_containers_renewing_at_once_share_the_rate_in_quarters(moto_server: Any) -> None:
    clock = Clock()
    fleet = containers(moto_server, clock, 4)
    shares: dict[str, float] = {}

    def first(container: SharedRates) -> None:
        container.share(OUR_NUMBER)

    threads = [threading.Thread(target=first, args=(c,)) for c in fleet]
    for thread in threads:
        thread.start()
    join_all(threads)
    clock.now += RENEW_SECONDS  # each renews once more: every lease is in the item by then

    def renew(container: SharedRates) -> None:
        shares[container.container] = container.share(OUR_NUMBER)[0]

    threads = [threading.Thread(target=renew, args=(c,)) for c in fleet]
    for thread in threads:
        thread.start()
    join_all(threads)

    assert shares == dict.fromkeys(("c0", "c1", "c2", "c3"), 0.25)


def test_a_container_that_stops_frees_its_share_once_its_lease_ends(moto_server: Any) -> None:
    clock, staying, _leaving = two_joined(moto_server)
    assert staying.share(OUR_NUMBER)[0] == 0.5

    clock.now += LEASE_SECONDS  # the leaving one renews no more
    assert staying.share(OUR_NUMBER)[0] == 1.0
    clock.now += RENEW_SECONDS
    assert staying.share(OUR_NUMBER)[0] == 1.0
    item = moto_server.get_item(
        TableName=TABLE, Key={"PK": {"S": KEY_PREFIX + OUR_NUMBER}, "SK": {"S": "RATE"}}
    )["Item"]
    leases = [name.rsplit(".", 1)[0] for name in item if name.startswith("H_")]
    assert leases == ["H_c0"], "the expired lease was removed"


def test_a_container_done_sending_gives_its_share_back_at_once(moto_server: Any) -> None:
    clock, staying, leaving = two_joined(moto_server)
    assert staying.share(OUR_NUMBER)[0] == 0.5

    leaving.release(OUR_NUMBER)
    clock.now += RENEW_SECONDS  # well before the leaving one's lease would have ended
    assert staying.share(OUR_NUMBER) == (1.0, 0.0)
    assert leaving.share(OUR_NUMBER) == (0.5, RENEW_SECONDS), "sending again, it joins again"


def test_a_container_whose_lease_ended_during_a_stall_joins_again_and_waits(moto_server: Any) -> None:
    clock, stalling, staying = two_joined(moto_server)
    assert stalling.share(OUR_NUMBER) == (0.5, 0.0)
    assert staying.share(OUR_NUMBER) == (0.5, 0.0)

    clock.now += LEASE_SECONDS  # the stalling one renews no more: its lease ends
    assert staying.share(OUR_NUMBER) == (1.0, 0.0), "the other takes the whole rate"
    clock.now += 0.5 * RENEW_SECONDS  # it resumes
    fraction, wait = stalling.share(OUR_NUMBER)
    assert fraction == 0.5 and wait == pytest.approx(0.5 * RENEW_SECONDS), (
        "not at its old share at once: the other sends at the whole rate until it renews"
    )
    clock.now += 0.5 * RENEW_SECONDS
    assert staying.share(OUR_NUMBER) == (0.5, 0.0), "the lease written on its return is not removed"
    assert stalling.share(OUR_NUMBER) == (0.5, 0.0)


def test_while_a_renewal_joins_the_containers_other_sends_wait_for_it(moto_server: Any) -> None:
    """One thread's renewal is a join (the first, or after a stall): until it answers, the share is not
    known, and another thread of the container asking then is told to wait, not to send."""
    answering, asked = threading.Event(), threading.Event()

    class Slow:
        def update_item(self, **request: Any) -> Any:
            asked.set()
            if not answering.wait(WAIT_SECONDS):
                raise TimeoutError("the test never answered")
            return moto_server.update_item(**request)

    clock = Clock()
    (sending,) = containers(moto_server, clock, 1)
    sending.share(OUR_NUMBER)
    joining = SharedRates(TABLE, Slow(), clock, container="joining")
    renewing = threading.Thread(target=joining.share, args=(OUR_NUMBER,))
    renewing.start()
    try:
        assert asked.wait(WAIT_SECONDS)
        assert joining.share(OUR_NUMBER) == (1.0, JOINING_WAIT_SECONDS), "its share is not known yet"
    finally:
        answering.set()
        join_all([renewing])
    assert joining.share(OUR_NUMBER) == (0.5, RENEW_SECONDS)


def test_a_send_whose_slot_came_before_a_stall_waits_when_its_container_joins_again() -> None:
    """The slot was taken at the old share; the claim asks the share, which answers the wait of the
    join after the stall: nothing starts until the others have made room."""
    share = {"now": (0.5, 0.0)}
    pacer = Pacer({OUR_NUMBER: 4.0}, fleet_share=lambda identity: share["now"], clock=lambda: 0.0)
    pacer.reserve(OUR_NUMBER)
    pace = pacer.changes(OUR_NUMBER)

    share["now"] = (0.5, 0.75)  # its lease ended meanwhile: it joined again, and waits for the others
    assert pacer.claim(OUR_NUMBER, pace) == 0.75
    share["now"] = (0.5, 0.0)
    assert pacer.claim(OUR_NUMBER, pace) == 0.0


def test_a_release_without_a_lease_makes_no_request() -> None:
    class Failing:
        def update_item(self, **request: Any) -> Any:
            raise AssertionError("no request")

    SharedRates(TABLE, Failing(), Clock()).release(OUR_NUMBER)


def test_a_refused_release_is_left_to_the_leases_end() -> None:
    class RefusingRemovals:
        def update_item(self, **request: Any) -> Any:
            if request["UpdateExpression"].startswith("REMOVE"):
                raise PermissionError("AccessDeniedException")
            return {"Attributes": {}}

    container = SharedRates(TABLE, RefusingRemovals(), Clock())
    container.share(OUR_NUMBER)
    container.release(OUR_NUMBER)  # logged, not raised: the sends are done


def test_between_renewals_no_request_is_made(moto_server: Any) -> None:
    calls: list[str] = []

    class Counting:
        def update_item(self, **request: Any) -> Any:
            calls.append(request["Key"]["PK"]["S"])
            return moto_server.update_item(**request)

    clock = Clock()
    container = SharedRates(TABLE, Counting(), clock)
    for _ in range(50):
        container.share(OUR_NUMBER)
    clock.now += RENEW_SECONDS
    container.share(OUR_NUMBER)

    assert calls == [KEY_PREFIX + OUR_NUMBER] * 2, "one write per identity and second"


def test_a_container_knows_without_asking_that_another_sends_until_the_others_lease_ends(
    moto_server: Any,
) -> None:
    clock = Clock()
    sending, asking = containers(moto_server, clock, 2)
    assert not asking.others_sending(OUR_NUMBER), "nothing seen yet"
    sending.share(OUR_NUMBER)
    asking.share(OUR_NUMBER)
    asking.release(OUR_NUMBER)

    assert asking.others_sending(OUR_NUMBER), "the other's lease, seen at the renewal, runs on"
    assert not sending.others_sending(OUR_NUMBER), "its own lease is not another's"
    clock.now += RENEW_SECONDS
    sending.share(OUR_NUMBER)
    clock.now += LEASE_SECONDS - RENEW_SECONDS
    assert asking.others_sending(OUR_NUMBER), "the lease seen has ended: a look shows it renewed"
    clock.now += LEASE_SECONDS
    assert not asking.others_sending(OUR_NUMBER), "a look shows it ended"


def test_a_container_that_never_saw_another_asks_nothing_and_looks_only_after_a_seen_lease_ends(
    moto_server: Any,
) -> None:
    asked: list[str] = []

    class Counting:
        def __getattr__(self, name: str) -> Any:
            asked.append(name)
            return getattr(moto_server, name)

    clock = Clock()
    (sending,) = containers(moto_server, clock, 1)
    asking = SharedRates(TABLE, Counting(), clock, container="asking")
    assert not asking.others_sending(OUR_NUMBER) and asked == [], "never saw another: nothing asked"

    sending.share(OUR_NUMBER)
    asking.share(OUR_NUMBER)
    asking.release(OUR_NUMBER)
    asked.clear()
    assert asking.others_sending(OUR_NUMBER) and asked == [], "a lease it saw runs on: nothing asked"
    clock.now += LEASE_SECONDS
    assert not asking.others_sending(OUR_NUMBER) and asked == ["get_item"], "one look, which joins nothing"
    assert not asking.others_sending(OUR_NUMBER) and asked == ["get_item"], "none seen since: nothing asked"


def test_a_pacer_asks_no_share_of_a_rate_another_container_is_known_to_send_from() -> None:
    asked: list[str] = []

    def share(identity: str) -> tuple[float, float]:
        asked.append(identity)
        return 1.0, 0.0

    pacer = Pacer({OUR_NUMBER: 3.0}, fleet_share=share, fleet_busy=lambda identity: True)

    assert not pacer.slot_alone(OUR_NUMBER, within=1.0)
    assert asked == [], "nothing renewed: nothing joined that would have to be released"


def test_a_refused_renewal_keeps_the_last_share() -> None:
    class Refusing:
        def update_item(self, **request: Any) -> Any:
            raise PermissionError("AccessDeniedException")

    assert SharedRates(TABLE, Refusing(), Clock()).share(OUR_NUMBER) == (1.0, 0.0)


@pytest.mark.parametrize("containers_sending", [1, 2, 4])
def test_the_pacer_spaces_a_known_rate_by_its_share(containers_sending: int) -> None:
    pacer = Pacer(
        known_rate=lambda names: 4.0,
        fleet_share=lambda identity: (1 / containers_sending, 0.0),
        clock=lambda: 0.0,
    )
    first, second = pacer.reserve(OUR_NUMBER), pacer.reserve(OUR_NUMBER)

    assert second - first == pytest.approx(containers_sending / (4.0 * KNOWN_RATE_HEADROOM))


def test_a_share_gained_or_lost_makes_the_slots_taken_at_the_old_share_stale() -> None:
    share = {"now": 0.5}
    pacer = Pacer(
        known_rate=lambda names: 4.0, fleet_share=lambda identity: (share["now"], 0.0), clock=lambda: 0.0
    )
    slots = [pacer.reserve(OUR_NUMBER) for _ in range(3)]
    taken_at = pacer.changes(OUR_NUMBER)

    share["now"] = 1.0  # the other container left
    assert pacer.refresh(OUR_NUMBER) == taken_at + 1
    first, second = pacer.reserve(OUR_NUMBER), pacer.reserve(OUR_NUMBER)

    assert slots[-1] == pytest.approx(2 * 2 / (4.0 * KNOWN_RATE_HEADROOM))
    assert first == 0.0 and second == pytest.approx(1 / (4.0 * KNOWN_RATE_HEADROOM)), (
        "the whole rate from now"
    )
    share["now"] = 0.5
    assert pacer.refresh(OUR_NUMBER) == taken_at + 2


def test_a_slot_re_spaced_by_a_share_gained_starts_an_interval_after_the_send_that_went() -> None:
    """A share gained re-spaces the slots from now; a send went just now, so the next starts a whole
    interval after it, not at once (two sends together would exceed the pace)."""
    share, clock = {"now": 0.5}, Clock()
    pacer = Pacer(known_rate=lambda names: 4.0, fleet_share=lambda identity: (share["now"], 0.0), clock=clock)
    pacer.reserve(OUR_NUMBER)  # its first share taken
    pace = pacer.changes(OUR_NUMBER)
    assert pacer.claim(OUR_NUMBER, pace) == 0.0, "the first send starts now"

    share["now"] = 1.0  # the other container left, just as this one sent
    pace = pacer.refresh(OUR_NUMBER)  # a send waiting for its slot sees it
    slot = pacer.reserve(OUR_NUMBER)

    assert slot == clock.now, "the slots are re-spaced from now"
    assert pacer.claim(OUR_NUMBER, pace - 1) is None, "a slot taken before the change is stale"
    assert pacer.claim(OUR_NUMBER, pace) == pytest.approx(1 / (4.0 * KNOWN_RATE_HEADROOM))


def test_a_send_waiting_for_its_slot_takes_a_new_one_when_its_share_grows() -> None:
    """The slot is far ahead at half the rate; the other container leaves while this one waits."""
    share = {"now": 0.5}
    pacer = Pacer(known_rate=lambda names: 1.0, fleet_share=lambda identity: (share["now"], 0.0))
    pacer.reserve(OUR_NUMBER)  # the slot now: the next one is 2 s ahead
    slept: list[float] = []

    def sleep(seconds: float) -> None:  # nothing sleeps: the share changes during the first wait
        slept.append(seconds)
        share["now"] = 1.0

    client = Client()
    SmsGateway(client, pacer, sleep=sleep).send(
        {"DestinationPhoneNumber": "+14155550100", "OriginationIdentity": OUR_NUMBER, "MessageBody": "Hi"}
    )

    assert len(client.sent) == 1
    assert slept[0] == RECHECK_SECONDS, "it looked at its share a fifth of a second in, not 2 s later"
    assert sum(slept) < 1 / KNOWN_RATE_HEADROOM, "the new slot is at the whole rate"


def test_the_pacer_gives_every_shared_rate_back_when_the_container_is_done() -> None:
    released: list[str] = []
    pacer = Pacer(
        {"+18005550199": 5.0},
        known_rate=lambda names: 4.0 if names[0] == OUR_NUMBER else None,
        fleet_share=lambda identity: (1.0, 0.0),
        fleet_release=released.append,
        clock=lambda: 0.0,
    )
    pacer.reserve(OUR_NUMBER)
    pacer.reserve("+18005550199")  # configured: its ceiling is shared too
    pacer.reserve("+18005550198")  # no rate known: paced by throttling alone, no lease

    pacer.release()

    assert sorted(released) == ["+18005550199", OUR_NUMBER]


@pytest.mark.integration
@pytest.mark.parametrize(("texts", "held"), [(3, False), (1, True)])
def test_after_a_batch_the_container_holds_no_lease_after_a_single_send_it_does(
    moto_server: Any, sms: SmsSimulator, monkeypatch: pytest.MonkeyPatch, texts: int, held: bool
) -> None:
    number = sms.add_phone_number("+18445550177", "TOLL_FREE", "US", messages_per_second=3)
    monkeypatch.setenv("ORIGINATION_NUMBERS", json.dumps({number["PhoneNumberId"]: "+18445550177"}))
    batch = [
        {
            "DestinationPhoneNumber": f"+1415555{n:04d}",
            "OriginationIdentity": "+18445550177",
            "MessageBody": "Hi",
        }
        for n in range(texts)
    ]

    outcome = build_guarded_sender(boto3.session.Session().client).send(batch)

    assert {r["status"] for r in outcome.results} == {"SENT"}
    items = moto_server.scan(TableName=TABLE)["Items"]
    (rate,) = [i for i in items if i["PK"]["S"].startswith(KEY_PREFIX)]
    leases = [name for name in rate if name.startswith("H_")]
    assert bool(leases) is held, "a batch gives its share back at its end; a single send writes no more"


def test_a_container_stalled_past_its_lease_sends_nothing_at_its_old_share_until_it_has_rejoined(
    moto_server: Any,
) -> None:
    """Containers A and B share a 10-MPS number, two sending threads each. A stalls for 3 seconds,
    longer than its lease: B, alone, renews and takes the whole rate. When A resumes, its threads'
    slots (taken at its old share, half) are stale: A may send only once it has renewed and B has
    counted it again, or the two together exceed the number's rate (AWS throttles) until B's next
    renewal. Then A has its half again."""
    rate, threads_each = 10.0, 2
    began = 1_767_225_600.0
    stall = (began + 3.0, began + 6.0)
    ends = began + 12.0
    time = ThreadTime(2 * threads_each, began, {"a": stall})
    clients = {name: Client(time) for name in ("a", "b")}
    gateways = {}
    for name, client in clients.items():
        fleet = SharedRates(TABLE, moto_server, time, container=name)
        pacer = Pacer(
            {OUR_NUMBER: rate},
            clock=time,
            fleet_share=fleet.share,
            fleet_release=fleet.release,
            fleet_busy=fleet.others_sending,
        )
        gateways[name] = SmsGateway(client, pacer, sleep=time.sleep)

    def send(name: str, first: int) -> None:
        time.run_as(name)
        try:
            n = first
            while time() < ends:
                gateways[name].send(
                    {
                        "DestinationPhoneNumber": f"+1415555{n:04d}",
                        "OriginationIdentity": OUR_NUMBER,
                        "MessageBody": "Hi",
                    },
                    deadline=Deadline.none(),
                )
                n += threads_each
        finally:
            time.done()

    threads = [
        threading.Thread(target=send, args=(name, n)) for name in ("a", "b") for n in range(threads_each)
    ]
    for thread in threads:
        thread.start()
    join_all(threads)

    a, b = sorted(clients["a"].sent), sorted(clients["b"].sent)
    resumed = stall[1]
    assert sum(1 for at in b if resumed - 1 <= at < resumed) >= rate - 1, "B alone had the whole rate"
    assert not [at for at in a if stall[0] < at < resumed], "A sent nothing while stalled"
    sent = sorted(a + b)
    second = 1 - 1e-3  # 10 intervals of 0.1 s add up to a hair under 1 s in floating point (epoch seconds)
    after = [start for start in sent if start >= resumed - 1]
    busiest = max(sum(1 for at in sent if start <= at < start + second) for start in after)
    # A share changing hands may put one send more in a second (the last send at the old share, the
    # first at the new one), as at any join; A's old share on top of B's whole rate puts half the rate.
    assert busiest <= rate + 1, f"{busiest} sends within one second: A sent at its old share before rejoining"
    for name, sends in (("A", a), ("B", b)):
        fair = sum(1 for at in sends if ends - 3.0 <= at < ends) / 3.0
        assert fair == pytest.approx(rate / 2, abs=0.5), f"{name} sends at {fair}/s, not its half"
