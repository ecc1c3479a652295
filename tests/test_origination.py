"""Origination identities: deploy-time numbers, lookups shared per container, one bad identity alone fails."""

from __future__ import annotations

import json
import threading
from collections import Counter
from typing import Any

import pytest

from sms_opt_out.errors import ConfigurationError
from sms_opt_out.runtime import build_guarded_sender
from sms_opt_out.sms.origination import parse_origination_numbers
from tests.conftest import OUR_NUMBER, join_all
from tests.test_send_under_load import customers, request

OTHER_NUMBER = "+18445550166"


def successful_lookups(sms: Any) -> int:
    return len(sms.calls("DescribePhoneNumbers")) - sum(
        op == "DescribePhoneNumbers" for op, _ in sms.state.throttled
    )


def test_a_refused_lookup_fails_its_request_only(latent_aws: Any) -> None:
    session, sms = latent_aws
    other_id = sms.add_phone_number(OTHER_NUMBER)["PhoneNumberId"]
    sms.fail_next("DescribePhoneNumbers", "AccessDeniedException")
    first, second = customers(2)

    results = build_guarded_sender(session.client).send([request(first, other_id), request(second)]).results

    assert (results[0]["status"], results[0]["code"]) == ("FAILED", "AccessDeniedException")
    assert results[1]["status"] == "SENT"


def test_a_throttled_lookup_is_retried_and_made_once_for_a_containers_concurrent_sends(
    latent_aws: Any,
) -> None:
    session, sms = latent_aws
    other_id = sms.add_phone_number(OTHER_NUMBER)["PhoneNumberId"]
    sms.limit_operation("DescribePhoneNumbers", 1)
    sms.fail_next("DescribePhoneNumbers", "ThrottlingException", times=2)
    recipients = customers(12)

    results = build_guarded_sender(session.client).send([request(r, other_id) for r in recipients]).results

    assert {r["status"] for r in results} == {"SENT"}
    assert len(sms.calls("DescribePhoneNumbers")) == 3, "two throttled, then one that answered"


def test_cold_containers_starting_together_against_a_1_rps_lookup_all_send(latent_aws: Any) -> None:
    session, sms = latent_aws
    other_id = sms.add_phone_number(OTHER_NUMBER)["PhoneNumberId"]
    sms.limit_operation("DescribePhoneNumbers", 1)
    statuses: Counter[str] = Counter()
    containers = 3

    def cold_container(n: int) -> None:
        batch = [request(r, other_id) for r in customers(5 * containers)[5 * n : 5 * n + 5]]
        statuses.update(r["status"] for r in build_guarded_sender(session.client).send(batch).results)

    threads = [threading.Thread(target=cold_container, args=(n,)) for n in range(containers)]
    for thread in threads:
        thread.start()
    join_all(threads)

    assert statuses == Counter(SENT=5 * containers)
    assert successful_lookups(sms) == containers, "one successful lookup per container"


def test_the_constructs_own_numbers_need_no_lookup(latent_aws: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    session, sms = latent_aws
    described = sms.add_phone_number(OTHER_NUMBER)
    known = {described["PhoneNumberId"]: OTHER_NUMBER}  # as the construct sets it: by ID, ARNs by their ID
    monkeypatch.setenv("ORIGINATION_NUMBERS", json.dumps(known))
    monkeypatch.setenv("MESSAGES_PER_SECOND", json.dumps({described["PhoneNumberId"]: 50}))
    guarded = build_guarded_sender(session.client)

    results = guarded.send([request(r, described["PhoneNumberArn"]) for r in customers(4)]).results

    assert {r["status"] for r in results} == {"SENT"}
    assert sms.calls("DescribePhoneNumbers") == []
    assert guarded._gateway._pacer.rate(OTHER_NUMBER) == 50, "a rate configured by ID paces the number"
    assert list(guarded._gateway._pacer._lanes) == [OTHER_NUMBER], "one pace per number, whatever its name"
    assert [c["OriginationIdentity"] for c in sms.calls("SendTextMessage")] == [
        described["PhoneNumberArn"]
    ] * 4
    assert OUR_NUMBER not in known.values()


@pytest.mark.fast
@pytest.mark.parametrize("value", ["[]", "{", '{"phone-1": "not a number"}'])
def test_bad_origination_numbers_name_the_variable(value: str) -> None:
    with pytest.raises(ConfigurationError, match=r"^ORIGINATION_NUMBERS: "):
        parse_origination_numbers(value)
