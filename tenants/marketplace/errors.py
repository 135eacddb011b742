"""Error codes of the marketplace. Actions raise ValidationError with these codes; pages show the message next to
the field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum

from wijkmarkt.platform.errors import fail  # noqa: F401 - the one way, re-exported for this app


class MarketplaceErrorCode(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID_CHARACTERS = "invalid_characters"
    INVALID_CHOICE = "invalid_choice"
    DATE_IN_PAST = "date_in_past"
    WINDOW_REVERSED = "window_reversed"
    UNKNOWN_CATEGORY = "unknown_category"
    CATEGORY_RETIRED = "category_retired"
    UNKNOWN_STREET = "unknown_street"
    INVALID_DURATION = "invalid_duration"
    INVALID_PHOTO = "invalid_photo"
    PHOTO_TOO_LARGE = "photo_too_large"
    TOO_MANY_PHOTOS = "too_many_photos"
    OWN_LISTING = "own_listing"
    ALREADY_RESPONDED = "already_responded"
    LISTING_CLOSED = "listing_closed"
    NOT_A_PARTY = "not_a_party"
    WRONG_STATE = "wrong_state"
    BLOCKED = "blocked"
    UNKNOWN_MEMBER = "unknown_member"
    RING_INVALID = "ring_invalid"
    DUPLICATE = "duplicate"
    INVALID_EMAIL = "invalid_email"
    RATE_LIMITED = "rate_limited"
