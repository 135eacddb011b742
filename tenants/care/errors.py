"""Error codes of household help. Actions raise ValidationError with these codes; pages show the message next to
the field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum

from django.core.exceptions import ValidationError


class CareErrorCode(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID_CHARACTERS = "invalid_characters"
    INVALID_CHOICE = "invalid_choice"
    NOT_OFFERED = "not_offered"
    TOO_MANY = "too_many"
    ALREADY_SENT = "already_sent"
    WRONG_STATE = "wrong_state"
    NOT_PROVIDER_STAFF = "not_provider_staff"


def fail(field: str | None, message: str, code: CareErrorCode, **params) -> ValidationError:
    """A ValidationError for one field (or the whole input when field is None)."""
    error = ValidationError(message, code=str(code), params=params or None)
    return ValidationError({field: error}) if field else error
