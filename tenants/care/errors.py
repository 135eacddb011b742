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
    NO_ACCEPTED_REQUEST = "no_accepted_request"
    ALREADY_EXISTS = "already_exists"
    ALREADY_AGREED = "already_agreed"
    ALREADY_MEASURED = "already_measured"
    OUT_OF_RANGE = "out_of_range"
    INVALID_DATE = "invalid_date"
    NOT_A_PARTY = "not_a_party"


def fail(field: str | None, message: str, code: CareErrorCode, **params) -> ValidationError:
    """A ValidationError for one field (or the whole input when field is None)."""
    error = ValidationError(message, code=str(code), params=params or None)
    return ValidationError({field: error}) if field else error


def collect(checks: dict) -> dict:
    """Run every field's check and raise all their errors together, so each field shows its own."""
    errors, values = {}, {}
    for name, check in checks.items():
        try:
            values[name] = check()
        except ValidationError as error:
            errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    return values
