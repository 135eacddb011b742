"""Error codes of the partner directory. Actions raise ValidationError with these codes; pages show the message next
to the field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum


class PartnerErrorCode(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID_CHARACTERS = "invalid_characters"
    INVALID_CHOICE = "invalid_choice"
    INVALID_SLUG = "invalid_slug"
    DUPLICATE = "duplicate"
    WRONG_PARTNER = "wrong_partner"
