"""Error codes of the coordinators' console; the same codes reach the pages (message next to the field) and GraphQL
(`errors { field code message }`, upper case)."""

from enum import StrEnum


class ConsoleErrorCode(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID_CHARACTERS = "invalid_characters"
    INVALID_CHOICE = "invalid_choice"
    INVALID_STATUS = "invalid_status"
    INVALID_COLOUR = "invalid_colour"
    LOW_CONTRAST = "low_contrast"
    INVALID_THEME = "invalid_theme"
    INVALID_LOGO = "invalid_logo"
    INVALID_NUMBER = "invalid_number"
    INVALID_POSTCODE = "invalid_postcode"
    INVALID_SLUG = "invalid_slug"
    RESERVED_SLUG = "reserved_slug"
    INVALID_DOMAIN = "invalid_domain"
    DUPLICATE_DOMAIN = "duplicate_domain"
    WIJK_EXISTS = "wijk_exists"
    INVALID_EMAIL = "invalid_email"
    UNKNOWN_ACCOUNT = "unknown_account"
    ALREADY_COORDINATOR = "already_coordinator"
    NOT_COORDINATOR = "not_coordinator"
    LAST_COORDINATOR = "last_coordinator"
    INVALID_DATE = "invalid_date"
    PERIOD_REVERSED = "period_reversed"
    PERIOD_TOO_LONG = "period_too_long"
    WRONG_PARTNER = "wrong_partner"
    DUPLICATE = "duplicate"
    INVALID = "invalid"
