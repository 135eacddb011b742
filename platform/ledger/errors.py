"""Error codes of the point ledger. Actions raise ValidationError with these codes; pages show the message next to
the field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum


class LedgerErrorCode(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID_CHARACTERS = "invalid_characters"
    INVALID_AMOUNT = "invalid_amount"
    NOT_ENOUGH_POINTS = "not_enough_points"
    POINTS_OFF = "points_off"
    RECIPIENT_NOT_FOUND = "recipient_not_found"
    SELF_GIFT = "self_gift"
    KEY_REUSED = "key_reused"
    ALREADY_COMPENSATED = "already_compensated"
    RATE_LIMITED = "rate_limited"
