"""Error codes of the wijk's shared core: consent and proxies. Actions raise ValidationError with these codes; pages
show the message next to the field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum

from wijkmarkt.platform.errors import fail  # noqa: F401 - the one way, re-exported for this app


class MembershipErrorCode(StrEnum):
    INVALID_CHOICE = "invalid_choice"
    ALREADY_GIVEN = "already_given"
    WRONG_STATE = "wrong_state"
    UNKNOWN_MEMBER = "unknown_member"
