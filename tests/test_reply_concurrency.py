"""Replies answered by many containers at once: real threads against a moto server and the simulator.

Each thread builds its own reply processor (its own clients), as a separate Lambda container
would; a delivery that meets another reply's lease raises, and is retried as Lambda retries it.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from sms_opt_out.domain.consent import is_blocked
from sms_opt_out.domain.languages import DEFAULT_PROGRAM_NAME, ENGLISH, LANGUAGES
from sms_opt_out.domain.leases import Lease
from sms_opt_out.domain.preferences import Scope
from sms_opt_out.errors import CustomerBusyError
from sms_opt_out.reply.inbound import parse_sns_record
from sms_opt_out.runtime import build_reply_processor
from sms_opt_out.storage.opt_out_store import OptOutStore
from tests.conftest import OUR_NUMBER, TABLE, WAIT_SECONDS, sns_event

ENGLISH_TEXTS = LANGUAGES[ENGLISH].texts.render(DEFAULT_PROGRAM_NAME, None, None)
DEFAULT_OPT_OUT_CONFIRMATION = ENGLISH_TEXTS.opt_out_confirmation
DEFAULT_OPT_IN_CONFIRMATION = ENGLISH_TEXTS.opt_in_confirmation


def deliver(event: dict[str, Any], start: threading.Barrier) -> str:
    """One container's delivery of ``event``, retried while the customer is busy (for a minute at most)."""
    processor = build_reply_processor()
    reply = parse_sns_record(event["Records"][0])
    start.wait(WAIT_SECONDS)
    gives_up_at = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            return processor.process(reply, Lease.for_invocation(str(uuid.uuid4()), remaining_ms=30_000))
        except CustomerBusyError:
            if time.monotonic() > gives_up_at:
                raise
            time.sleep(0.05)


def run_together(deliveries: list[Callable[[threading.Barrier], str]]) -> list[str]:
    start = threading.Barrier(len(deliveries))
    with ThreadPoolExecutor(max_workers=len(deliveries)) as pool:
        return [f.result(WAIT_SECONDS) for f in [pool.submit(d, start) for d in deliveries]]


def test_forty_concurrent_deliveries_of_one_stop_send_one_confirmation(moto_server: Any, sms: Any) -> None:
    # Given one STOP delivered by 40 containers at the same moment
    event = sns_event("STOP", inbound_id="in-40", customer="+14155550140")

    # When they all process it
    outcomes = run_together([lambda start: deliver(event, start)] * 40)

    # Then exactly one confirmation went out, and every other delivery saw it answered
    assert sorted(outcomes) == ["DUPLICATE"] * 39 + ["OPT_OUT"]
    assert [m.body for m in sms.inbox("+14155550140")] == [DEFAULT_OPT_OUT_CONFIRMATION]


def test_stop_and_start_processed_together_leave_the_last_text_matching_the_state(
    moto_server: Any, sms: Any
) -> None:
    store = OptOutStore.of(TABLE, moto_server)
    for round_ in range(4):
        # Given a STOP and a START (a second later) of one customer, processed at once, twice each
        customer = f"+1415555{round_:04d}"
        stop = sns_event("STOP", inbound_id=f"stop-{round_}", customer=customer,
                         timestamp="2025-05-01T12:00:00.000Z")  # fmt: skip
        start = sns_event("START", inbound_id=f"start-{round_}", customer=customer,
                          timestamp="2025-05-01T12:00:01.000Z")  # fmt: skip

        outcomes = run_together([partial(deliver, e) for e in (stop, start, start, stop)])

        # Then the customer is opted in, as the later START says, and the last text says so
        state = store.states.consent_states([customer])[customer]
        assert not is_blocked(state, OUR_NUMBER, Scope.ORIGINATION)
        texts = [m.body for m in sms.inbox(customer)]
        assert texts[-1] == DEFAULT_OPT_IN_CONFIRMATION, outcomes
        assert texts.count(DEFAULT_OPT_IN_CONFIRMATION) == 1, "one confirmation per reply"
        assert len(texts) <= 2


def test_no_lease_is_left_behind(moto_server: Any, sms: Any) -> None:
    event = sns_event("STOP", inbound_id="in-lease", customer="+14155550177")

    run_together([lambda start: deliver(event, start)] * 4)

    item = moto_server.get_item(TableName=TABLE, Key={"PK": {"S": "+14155550177"}, "SK": {"S": "STATE"}})
    assert not {"LeaseOwner", "LeaseUntil"} & set(item["Item"]), json.dumps(item["Item"])
