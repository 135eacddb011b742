"""Error codes of household help. Actions raise ValidationError with these codes; pages show the message next to
the field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum

from wijkmarkt.platform.errors import collect, fail  # noqa: F401 - the one way, re-exported for this app


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
