"""AWS's clock, not the host's: events, future checks, leases and idempotency claims under skewed hosts.

The moto server stands for AWS: its ``Date`` header is the real clock. The product's host clock is
skewed by replacing ``aws_clock.host_time`` (or giving a container its own clock), never the
server's.
"""

from __future__ import annotations

import io
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest

import process_reply
import send_text_message
from sms_opt_out import aws_clock
from sms_opt_out.aws_clock import AwsClock
from sms_opt_out.domain.leases import Lease
from sms_opt_out.errors import CustomerBusyError, InvalidFieldError
from sms_opt_out.ops.cli import NOT_DECIDING_EXIT_CODE, main
from sms_opt_out.ops.registry import OptOutRegistry
from sms_opt_out.reply.inbound import parse_sns_record
from sms_opt_out.runtime import build_reply_processor
from sms_opt_out.storage.idempotency import Claim, IdempotencyKeys
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE, sns_event

FIFTEEN_MINUTES = 15 * 60
SKEWS = [-FIFTEEN_MINUTES, FIFTEEN_MINUTES]


def iso(seconds_from_now: float) -> str:
    """A time by AWS's (the real) clock."""
    when = datetime.now(UTC) + timedelta(seconds=seconds_from_now)
    return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@pytest.fixture
def host_off_by(monkeypatch: pytest.MonkeyPatch) -> Callable[[float], None]:
    """Skew the product's host clock (not the moto server's) by some seconds."""

    def skew(seconds: float) -> None:
        monkeypatch.setattr(aws_clock, "host_time", lambda: time.time() + seconds)

    return skew


@pytest.fixture
def reply(moto_server: Any, sms: Any, lambda_context: Any) -> Iterator[Callable[[str, str, str], list[str]]]:
    """An SMS reply delivered at an SNS (AWS) timestamp, processed by a container with a true clock."""

    def deliver(body: str, inbound_id: str, timestamp: str) -> list[str]:
        event = sns_event(body, inbound_id=inbound_id, timestamp=timestamp)
        return process_reply.handler(event, lambda_context)["outcomes"]

    process_reply.reply_processor.cache_clear()
    yield deliver
    process_reply.reply_processor.cache_clear()


@pytest.fixture
def sends(moto_server: Any, sms: Any, lambda_context: Any) -> Iterator[Callable[[], str]]:
    def send() -> str:
        request = {"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": OUR_NUMBER, "MessageBody": "Hi"}
        return send_text_message.handler(request, lambda_context)["status"]

    send_text_message.guarded_sender.cache_clear()
    yield send
    send_text_message.guarded_sender.cache_clear()


def test_the_clock_takes_aws_time_from_the_date_header() -> None:
    clock = AwsClock(lambda: 1_000_000.0)
    assert not clock.synced and clock() == 1_000_000.0

    clock.observe("Mon, 12 Jan 1970 14:00:00 GMT")  # 1,000,800 s: AWS is 800 s ahead of this host

    assert clock.synced
    assert abs(clock() - 1_000_800.5) <= 0.5
    clock.observe("not a date")
    assert abs(clock() - 1_000_800.5) <= 0.5, "an unreadable header changes nothing"


def test_the_clock_never_runs_backwards_between_responses_and_follows_a_stepped_host_clock() -> None:
    host = [1_000_000.9]
    clock = AwsClock(lambda: host[0])
    clock.observe("Mon, 12 Jan 1970 14:00:00 GMT")  # AWS 1,000,800.x: the bound is 799.1
    readings = [clock()]
    host[0] = 1_000_001.05
    clock.observe("Mon, 12 Jan 1970 14:00:01 GMT")  # a tighter bound: 799.95
    readings.append(clock())
    host[0] = 1_000_001.2
    clock.observe("Mon, 12 Jan 1970 14:00:01 GMT")  # a looser one is ignored
    readings.append(clock())

    assert readings == sorted(readings)
    assert abs(clock() - 1_000_801.2 - 0.5) <= 0.5
    host[0] += 600  # NTP stepped the host 10 minutes forward
    clock.observe("Mon, 12 Jan 1970 14:00:02 GMT")
    assert abs(clock() - 1_000_802.5) <= 0.5


@pytest.mark.parametrize("skew", SKEWS)
def test_a_registry_event_carries_aws_time_whatever_the_hosts_clock(
    moto_server: Any, host_off_by: Callable[[float], None], skew: float
) -> None:
    host_off_by(skew)

    event = OptOutRegistry(TABLE).opt_out(CUSTOMER, channel="web")

    recorded = datetime.fromisoformat(event.timestamp.replace("Z", "+00:00")).timestamp()
    assert abs(recorded - time.time()) < 2.5, "AWS's time to within about a second (plus the request)"
    assert event.decides


def test_a_fast_portal_does_not_outrank_a_later_stop(
    moto_server: Any, host_off_by: Callable[[float], None], reply: Any, sends: Callable[[], str]
) -> None:
    host_off_by(FIFTEEN_MINUTES)
    OptOutRegistry(TABLE).opt_in(CUSTOMER, channel="web", consent_reference="form-1")

    assert reply("STOP", "in-1", iso(2)) == ["OPT_OUT"], "the later STOP decides, and is confirmed"
    assert sends() == "OPTED_OUT"


def test_a_slow_call_centre_opt_out_after_a_start_is_enforced(
    moto_server: Any, host_off_by: Callable[[float], None], reply: Any, sends: Callable[[], str]
) -> None:
    assert reply("START", "in-1", iso(-120)) == ["OPT_IN"]
    host_off_by(-FIFTEEN_MINUTES)

    event = OptOutRegistry(TABLE).opt_out(CUSTOMER, channel="call-center")

    assert event.decides and event.decided_by is None
    assert OptOutRegistry(TABLE).is_opted_out(CUSTOMER, OUR_NUMBER)
    assert sends() == "OPTED_OUT"


@pytest.mark.parametrize("skew", SKEWS)
def test_an_explicit_time_is_checked_against_aws_time(
    moto_server: Any, host_off_by: Callable[[float], None], skew: float
) -> None:
    host_off_by(skew)
    registry = OptOutRegistry(TABLE)

    assert registry.opt_out(CUSTOMER, channel="web", at=iso(30)).decides, "30 s ahead of AWS: clock skew"
    with pytest.raises(InvalidFieldError, match=r"^at: .* is in the future"):
        registry.opt_out(CUSTOMER, channel="web", at=iso(5 * 60))


def cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--table", TABLE, *argv], out=out)
    return code, out.getvalue()


@pytest.mark.parametrize("skew", SKEWS)
def test_the_cli_on_a_skewed_host_records_an_opt_out_after_a_start_that_is_enforced(
    reply: Any, sends: Callable[[], str], host_off_by: Callable[[float], None], skew: float
) -> None:
    assert reply("START", "in-1", iso(-120)) == ["OPT_IN"]
    host_off_by(skew)

    code, out = cli("opt-out", CUSTOMER, "--channel", "call-center")

    assert (code, out) == (0, f"recorded OPT_OUT of {CUSTOMER} for all our numbers via call-center\n")
    assert sends() == "OPTED_OUT"


@pytest.mark.parametrize("skew", SKEWS)
def test_the_cli_names_the_event_that_decides_instead_and_exits_4(
    reply: Any, sends: Callable[[], str], host_off_by: Callable[[float], None], skew: float
) -> None:
    started = iso(-60)  # one reading: the message names this time (read twice, a minute may turn)
    assert reply("START", "in-1", started) == ["OPT_IN"]
    host_off_by(skew)

    code, out = cli("opt-out", CUSTOMER, "--channel", "call-center", "--at", iso(-120))

    assert code == NOT_DECIDING_EXIT_CODE == 4
    assert out.splitlines()[1].startswith(f"not in force: OPT_IN of {started[:16]}")
    assert "via SMS for +18445550100 decides" in out
    assert sends() == "SENT", "and the sender indeed sends"


def test_the_cli_refuses_a_time_ahead_of_aws_even_on_a_fast_host(
    moto_server: Any, host_off_by: Callable[[float], None], capsys: pytest.CaptureFixture[str]
) -> None:
    host_off_by(FIFTEEN_MINUTES)

    code, _ = cli("opt-out", CUSTOMER, "--channel", "web", "--at", iso(5 * 60))

    assert code == 1
    assert "at: " in capsys.readouterr().err


# Leases and idempotency claims between containers whose clocks disagree by 40 s -------------------


SKEW_BETWEEN_CONTAINERS = 40.0
"""More than the function's timeout (30 s) plus the lease's grace (5 s)."""


def test_a_lease_holds_against_a_container_whose_clock_is_40_s_ahead(moto_server: Any, sms: Any) -> None:
    """Two deliveries of one STOP: the second, in a container 40 s ahead, meets the first's lease."""
    ahead: Callable[[], float] = lambda: time.time() + SKEW_BETWEEN_CONTAINERS  # noqa: E731
    first, second = build_reply_processor(), build_reply_processor(clock=ahead)
    stop = parse_sns_record(sns_event("STOP", inbound_id="in-1")["Records"][0])
    meanwhile: list[str] = []
    answer = first._gateway.send

    def second_delivery_arrives_while_the_first_answers(params: Any, **kwargs: Any) -> Any:
        try:
            meanwhile.append(second.process(stop, Lease.for_invocation("second", 30_000, clock=ahead)))
        except CustomerBusyError:
            meanwhile.append("BUSY")
        return answer(params, **kwargs)

    first._gateway.send = second_delivery_arrives_while_the_first_answers  # type: ignore[method-assign]

    assert first.process(stop, Lease.for_invocation("first", 30_000)) == "OPT_OUT"
    assert meanwhile == ["BUSY"], "Lambda retries it, and then it is a repeat"
    assert second.process(stop, Lease.for_invocation("second", 30_000, clock=ahead)) == "DUPLICATE"
    assert len(sms.inbox(CUSTOMER)) == 1, "one confirmation"


@pytest.mark.parametrize("skew", [SKEW_BETWEEN_CONTAINERS, -SKEW_BETWEEN_CONTAINERS])
def test_an_idempotency_claim_holds_against_a_container_whose_clock_disagrees_by_40_s(
    moto_server: Any, skew: float
) -> None:
    def container(local: Callable[[], float]) -> IdempotencyKeys:
        clock = AwsClock(local)
        return IdempotencyKeys(TABLE, clock.watch(boto3.client("dynamodb")), clock)

    behind: Callable[[], float] = lambda: time.time() - skew  # noqa: E731
    ahead: Callable[[], float] = lambda: time.time() + skew  # noqa: E731
    key = str(uuid.uuid4())
    holder, other = container(behind), container(ahead)

    assert holder.claim(key, behind() + 30, "request").claim is Claim.CLAIMED  # its invocation has 30 s left
    assert other.claim(key, ahead() + 30, "request").claim is Claim.IN_PROGRESS, "not sent twice"


@pytest.mark.parametrize("skew", SKEWS)
def test_import_rows_are_checked_against_aws_time(
    moto_server: Any, host_off_by: Callable[[float], None], skew: float, tmp_path: Any
) -> None:
    host_off_by(skew)
    rows = tmp_path / "opt-outs.csv"
    rows.write_text(f"number,timestamp\n+14155550101,{iso(30)}\n+14155550102,{iso(5 * 60)}\n")

    code, out = cli("import", str(rows))

    assert code == 3, out
    assert "line 3" in out and "line 2" not in out
    assert OptOutRegistry(TABLE).is_opted_out("+14155550101", OUR_NUMBER)
