"""The consent decision: whether a text to a customer is blocked, and whether a confirmation is true.

The guarded sender, the reply processor, the registry and the export all ask these two questions,
so they are answered here and nowhere else.

A send is governed by a set of origination keys (``origination.Origination.governing``): a lone
number by itself; a pool, and each number of it, by the pool ID and every number of the pool (a
pool is one origination); a sender ID by none of its own. Opt-outs for all numbers (``*``) govern
every send. A plain string stands for a lone number.
"""

from __future__ import annotations

from collections.abc import Set

from .phone_numbers import ALL_NUMBERS
from .preferences import Action, ConsentState, Scope, StateEntry

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
    relevant = (
        state.entries.items()
        if scope is Scope.ALL
        else [(key, entry) for key, entry in state.entries.items() if key in keys]
    )
    return max(relevant, key=lambda pair: pair[1].precedence(), default=None)


def is_blocked(state: ConsentState, governing: Governing, scope: Scope) -> bool:
    """Whether the guarded sender refuses a send governed by ``governing`` to the customer of ``state``."""
    deciding = deciding_entry(state, governing, scope)
    return deciding is not None and deciding[1].action is Action.OPT_OUT


def confirmation_holds(state: ConsentState, governing: Governing, scope: Scope, action: Action) -> bool:
    """Whether confirming ``action`` would tell the truth: after an opt-out the sender blocks, after an
    opt-in it sends. A reply whose confirmation would not hold is recorded as superseded."""
    return is_blocked(state, governing, scope) is (action is Action.OPT_OUT)
