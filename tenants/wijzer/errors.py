"""Error codes of the Eigen Kracht Wijzer. Actions raise ValidationError with these codes; pages show the message
next to the question or rule field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum

from wijkmarkt.platform.errors import fail  # noqa: F401 - the one way, re-exported for this app


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
