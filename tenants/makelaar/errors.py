"""Error codes of the makelaar's work. Actions raise ValidationError with these codes; pages show the message next to
the field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum

from wijkmarkt.platform.errors import fail  # noqa: F401 - the one way, re-exported for this app


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
