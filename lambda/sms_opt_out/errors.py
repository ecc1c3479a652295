"""Domain exceptions. Each names the field at fault and the reason."""

from __future__ import annotations


class SmsOptOutError(Exception):
    """Base class of every error this package raises on purpose."""


class InvalidFieldError(SmsOptOutError, ValueError):
    """A value is missing or malformed; ``field`` names it."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class MalformedReplyError(InvalidFieldError):
    """An inbound SMS notification cannot be processed (it goes to the dead-letter queue)."""


class InvalidRequestError(InvalidFieldError):
    """A send request is invalid; the sender answers INVALID for it."""


class ConfigurationError(InvalidFieldError):
    """An environment variable holds a value the runtime cannot use."""


class ConfirmationNotSentError(SmsOptOutError):
    """A reply was recorded but its confirmation text failed; Lambda retries it."""


class StateUnavailableError(SmsOptOutError):
    """The opt-out state could not be read in full; the sender fails closed and sends nothing."""


class SendFailedError(SmsOptOutError):
    """A single send request failed at SendTextMessage; raised so the caller sees a function error.

    ``code`` is SendTextMessage's error code, when one call failed.
    """

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


class DeadlineReachedError(SmsOptOutError):
    """Too little of the invocation's time is left to start a send; nothing was sent."""


class CustomerBusyError(SmsOptOutError):
    """Another reply of the same customer is being answered; raised so Lambda retries this one later."""


class SendOutcomeUnknownError(SendFailedError):
    """A single keyed send may have been sent (a 5xx or a lost answer): its key ends it ``UNKNOWN``,
    so no retry sends it; look before you resend."""
