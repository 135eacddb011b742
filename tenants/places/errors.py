"""Error codes of meeting places and counters. Actions raise ValidationError with these codes; pages show the message
next to the field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum


class PlacesErrorCode(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID_CHARACTERS = "invalid_characters"
    INVALID_CHOICE = "invalid_choice"
    INVALID_POSTCODE = "invalid_postcode"
    INVALID_TIME = "invalid_time"
    CLOSES_BEFORE_OPENS = "closes_before_opens"
    OVERLAPPING = "overlapping"
    TOO_MANY = "too_many"
    DUPLICATE = "duplicate"
