"""Error codes of the wijk registry; the same codes reach the command line, the console and GraphQL."""

from enum import StrEnum


class WijkErrorCode(StrEnum):
    INVALID_SLUG = "invalid_slug"
    RESERVED_SLUG = "reserved_slug"
    INVALID_NAME = "invalid_name"
    INVALID_DOMAIN = "invalid_domain"
    DUPLICATE_DOMAIN = "duplicate_domain"
    INVALID = "invalid"
