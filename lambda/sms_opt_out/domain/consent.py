"""The consent decision: whether a text to a customer is blocked, and whether a confirmation is true.

The guarded sender, the reply processor, the registry and the export all ask these two questions,
so they are answered here and nowhere else; so is the reply processor's third: whether a customer
was told already that they are opted out.

A send is governed by a set of origination keys (``origination.Origination.governing``): a lone
number by itself; a pool, and each number of it, by the pool ID and every number of the pool (a
pool is one origination); a sender ID by none of its own. Opt-outs for all numbers (``*``) govern
every send. A plain string stands for a lone number.
"""

from __future__ import annotations

from collections.abc import Iterable, Set

from sms_opt_out.domain.phone_numbers import ALL_NUMBERS
from sms_opt_out.domain.preferences import Action, ConsentState, Scope, StateEntry

Governing = str | Set[str]
"""The origination keys that govern a send: a lone number, or the set ``origination`` resolved."""


def governing_keys(governing: Governing) -> frozenset[str]:
    """``governing`` as a set of keys, ``*`` among them."""
    keys = {governing} if isinstance(governing, str) else set(governing)
    return frozenset(keys | {ALL_NUMBERS})


def deciding_entry(state: ConsentState, governing: Governing, scope: Scope) -> tuple[str, StateEntry] | None:
    """The latest event that governs the send, with its origination key.

    Under ``ORIGINATION`` the events for the governing keys (and for all numbers, ``*``) apply;
    under ``ALL`` every event applies. Later events win; at the same instant an opt-out wins.
    """
    keys = governing_keys(governing)
    relevant = [(key, entry) for key, entry in state.entries.items() if _applies(key, keys, scope)]
    return max(relevant, key=lambda pair: pair[1].precedence(), default=None)


def _applies(key: str, keys: frozenset[str], scope: Scope) -> bool:
    """Whether an event for origination ``key`` governs a send governed by ``keys``."""
    return scope is Scope.ALL or key in keys


def is_blocked(state: ConsentState, governing: Governing, scope: Scope) -> bool:
    """Whether the guarded sender refuses a send governed by ``governing`` to the customer of ``state``."""
    deciding = deciding_entry(state, governing, scope)
    return deciding is not None and deciding[1].action is Action.OPT_OUT


def confirmation_holds(state: ConsentState, governing: Governing, scope: Scope, action: Action) -> bool:
    """Whether confirming ``action`` would tell the truth: after an opt-out the sender blocks, after an
    opt-in it sends. A reply whose confirmation would not hold is recorded as superseded."""
    return is_blocked(state, governing, scope) is (action is Action.OPT_OUT)


def opt_out_confirmed_already(
    history: Iterable[tuple[str, StateEntry, bool]], event: StateEntry, governing: Governing, scope: Scope
) -> bool:
    """Whether the customer sending the opt-out ``event`` was told by SMS already that they are opted out.

    ``history`` holds the customer's events as (origination key, entry, confirmed). True when another
    opt-out governing the send was confirmed and no opt-in governing it lies between that one and
    ``event``, in either order: a later STOP answers in place of an earlier one whose confirmation
    failed, and the earlier one's retry must not answer again. An opt-out never confirmed (by another
    channel, or whose confirmation failed) tells the customer nothing.
    """
    keys = governing_keys(governing)
    relevant = [(e, confirmed) for key, e, confirmed in history if _applies(key, keys, scope)]
    opt_ins = [e.precedence() for e, _ in relevant if e.action is Action.OPT_IN]
    for earlier, confirmed in relevant:
        if confirmed and earlier.action is Action.OPT_OUT and earlier.event_id != event.event_id:
            low, high = sorted((earlier.precedence(), event.precedence()))
            if not any(low < at < high for at in opt_ins):
                return True
    return False
