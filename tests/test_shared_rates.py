"""One rate per number across the fleet: leases in the table, against the moto server, with threads."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from sms_opt_out.sms.pacing import KNOWN_RATE_HEADROOM, Pacer
from sms_opt_out.storage.shared_rates import KEY_PREFIX, LEASE_SECONDS, RENEW_SECONDS, SharedRates
from tests.conftest import OUR_NUMBER, TABLE, join_all


class Clock:
    """Epoch seconds that pass only when a test moves them."""

    def __init__(self) -> None:
        self.now = 1_767_225_600.0

    def __call__(self) -> float:
        return self.now


def containers(client: Any, clock: Clock, count: int) -> list[SharedRates]:
    return [SharedRates(TABLE, client, clock, container=f"c{n}") for n in range(count)]


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
    clock = Clock()
    staying, leaving = containers(moto_server, clock, 2)
    staying.share(OUR_NUMBER)
    leaving.share(OUR_NUMBER)
    clock.now += RENEW_SECONDS
    assert staying.share(OUR_NUMBER)[0] == 0.5

    clock.now += LEASE_SECONDS  # the leaving one renews no more
    assert staying.share(OUR_NUMBER)[0] == 1.0
    clock.now += RENEW_SECONDS
    assert staying.share(OUR_NUMBER)[0] == 1.0
    item = moto_server.get_item(
        TableName=TABLE, Key={"PK": {"S": KEY_PREFIX + OUR_NUMBER}, "SK": {"S": "RATE"}}
    )["Item"]
    assert sorted(n for n in item if n.startswith("H_")) == ["H_c0"], "the expired lease was removed"


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
