"""Error codes of the makelaar's work. Actions raise ValidationError with these codes; pages show the message next to
the field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum

from django.core.exceptions import ValidationError


class MakelaarErrorCode(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID_CHARACTERS = "invalid_characters"
    INVALID_CHOICE = "invalid_choice"
    INVALID_DATE = "invalid_date"
    INVALID_EMAIL = "invalid_email"
    EMAIL_TAKEN = "email_taken"
    CONSENT_REQUIRED = "consent_required"
    ALREADY_GIVEN = "already_given"
    WRONG_STATE = "wrong_state"
    NOT_OFFLINE = "not_offline"


def fail(field: str | None, message: str, code: MakelaarErrorCode, **params) -> ValidationError:
    """A ValidationError for one field (or the whole input when field is None)."""
    error = ValidationError(message, code=str(code), params=params or None)
    return ValidationError({field: error}) if field else error
