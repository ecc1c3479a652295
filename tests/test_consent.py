"""The one consent decision: what the sender blocks, and which confirmations are true."""

from __future__ import annotations

import pytest

from sms_opt_out.domain.consent import confirmation_holds, is_blocked
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS
from sms_opt_out.domain.preferences import Action, ConsentState, Scope, StateEntry

A, B = "+18445550100", "+18445550199"


def entry(action: Action, at: str) -> StateEntry:
    return StateEntry(action, at, "SMS", action.value, at)


def test_the_latest_event_for_the_number_decides() -> None:
    state = ConsentState(
        {
            A: entry(Action.OPT_OUT, "2025-01-01T00:00:00.000Z"),
            B: entry(Action.OPT_IN, "2025-02-01T00:00:00.000Z"),
        }
    )

    assert is_blocked(state, A, Scope.ORIGINATION)
    assert not is_blocked(state, B, Scope.ORIGINATION)
    assert not is_blocked(state, A, Scope.ALL), "under ALL the later opt-in to B decides"


def test_an_all_numbers_event_applies_to_every_number_until_a_later_event_for_one() -> None:
    state = ConsentState(
        {
            ALL_NUMBERS: entry(Action.OPT_OUT, "2025-01-01T00:00:00.000Z"),
            B: entry(Action.OPT_IN, "2025-02-01T00:00:00.000Z"),
        }
    )

    assert is_blocked(state, A, Scope.ORIGINATION)
    assert not is_blocked(state, B, Scope.ORIGINATION)


def test_at_the_same_instant_an_opt_out_wins() -> None:
    state = ConsentState(
        {
            A: entry(Action.OPT_IN, "2025-01-01T00:00:00.000Z"),
            ALL_NUMBERS: entry(Action.OPT_OUT, "2025-01-01T00:00:00.000Z"),
        }
    )

    assert is_blocked(state, A, Scope.ORIGINATION)


def test_a_stop_is_not_confirmed_while_a_later_opt_in_for_all_numbers_lets_texts_through() -> None:
    # Given a web opt-in for all numbers later than the STOP (delivered late) to number A
    state = ConsentState(
        {
            A: entry(Action.OPT_OUT, "2025-01-01T00:00:00.000Z"),
            ALL_NUMBERS: entry(Action.OPT_IN, "2025-01-02T00:00:00.000Z"),
        }
    )

    # Then the sender sends from A, so "unsubscribed" would be false
    assert not is_blocked(state, A, Scope.ORIGINATION)
    assert not confirmation_holds(state, A, Scope.ORIGINATION, Action.OPT_OUT)


@pytest.mark.parametrize("scope", list(Scope))
def test_a_confirmation_holds_exactly_when_the_sender_agrees(scope: Scope) -> None:
    opted_out = ConsentState({A: entry(Action.OPT_OUT, "2025-01-01T00:00:00.000Z")})
    opted_in = ConsentState({A: entry(Action.OPT_IN, "2025-01-01T00:00:00.000Z")})

    assert confirmation_holds(opted_out, A, scope, Action.OPT_OUT)
    assert not confirmation_holds(opted_out, A, scope, Action.OPT_IN)
    assert confirmation_holds(opted_in, A, scope, Action.OPT_IN)
    assert not confirmation_holds(opted_in, A, scope, Action.OPT_OUT)


def test_under_all_an_opt_in_is_not_confirmed_while_another_number_has_a_later_opt_out() -> None:
    state = ConsentState(
        {
            A: entry(Action.OPT_IN, "2025-01-01T00:00:00.000Z"),
            B: entry(Action.OPT_OUT, "2025-01-02T00:00:00.000Z"),
        }
    )

    assert not confirmation_holds(state, A, Scope.ALL, Action.OPT_IN)
    assert confirmation_holds(state, A, Scope.ORIGINATION, Action.OPT_IN)


POOL = "pool-0123456789abcdef0123456789abcdef"


def test_a_send_is_decided_by_the_latest_event_among_its_governing_keys() -> None:
    state = ConsentState(
        {
            A: entry(Action.OPT_OUT, "2025-01-01T00:00:00.000Z"),
            POOL: entry(Action.OPT_IN, "2025-02-01T00:00:00.000Z"),
        }
    )

    assert not is_blocked(state, {POOL, A, B}, Scope.ORIGINATION), "the later opt-in to the pool decides"
    assert is_blocked(state, {A}, Scope.ORIGINATION), "once out of the pool, the number's own opt-out holds"
    assert not is_blocked(state, set(), Scope.ORIGINATION), "a sender ID is governed by no number's event"


def test_an_opt_out_for_all_numbers_governs_every_send_even_a_sender_id() -> None:
    state = ConsentState({ALL_NUMBERS: entry(Action.OPT_OUT, "2025-01-01T00:00:00.000Z")})

    assert is_blocked(state, set(), Scope.ORIGINATION)
    assert is_blocked(state, {POOL, A}, Scope.ORIGINATION)
