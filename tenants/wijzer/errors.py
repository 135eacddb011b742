"""Error codes of the Eigen Kracht Wijzer. Actions raise ValidationError with these codes; pages show the message
next to the question or rule field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum

from django.core.exceptions import ValidationError


class WijzerErrorCode(StrEnum):
    REQUIRED = "required"
    INVALID_CHOICE = "invalid_choice"
    UNKNOWN_QUESTION = "unknown_question"
    NOT_ANSWERED = "not_answered"
    WRONG_STATE = "wrong_state"
    TOO_LONG = "too_long"
    INVALID_CHARACTERS = "invalid_characters"
    INVALID_RULES = "invalid_rules"
    ALREADY_APPLIED = "already_applied"


def fail(field: str | None, message: str, code: WijzerErrorCode) -> ValidationError:
    """A ValidationError for one field (or the whole input when field is None)."""
    error = ValidationError(message, code=str(code))
    return ValidationError({field: error}) if field else error
