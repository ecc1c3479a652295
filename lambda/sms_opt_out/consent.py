"""The consent decision: whether a text to a customer is blocked, and whether a confirmation is true.

The guarded sender, the reply processor, the registry and the export all ask these two questions,
so they are answered here and nowhere else.
"""

from __future__ import annotations

from .phone_numbers import ALL_NUMBERS
from .preferences import Action, ConsentState, Scope, StateEntry


def deciding_entry(state: ConsentState, origination: str, scope: Scope) -> tuple[str, StateEntry] | None:
    """The latest event that governs sending from ``origination``, with its origination key.

    Under ``ORIGINATION`` the events for that number and for all numbers (``*``) apply; under
    ``ALL`` every event applies. Later events win; at the same instant an opt-out wins.
    """
    relevant = (
        state.entries.items()
        if scope is Scope.ALL
        else [(key, entry) for key, entry in state.entries.items() if key in (origination, ALL_NUMBERS)]
    )
    return max(relevant, key=lambda pair: pair[1].precedence(), default=None)


def is_blocked(state: ConsentState, origination: str, scope: Scope) -> bool:
    """Whether the guarded sender refuses a text from ``origination`` to the customer of ``state``."""
    deciding = deciding_entry(state, origination, scope)
    return deciding is not None and deciding[1].action is Action.OPT_OUT


def confirmation_holds(state: ConsentState, origination: str, scope: Scope, action: Action) -> bool:
    """Whether confirming ``action`` would tell the truth: after an opt-out the sender blocks, after an
    opt-in it sends. A reply whose confirmation would not hold is recorded as superseded."""
    return is_blocked(state, origination, scope) is (action is Action.OPT_OUT)
