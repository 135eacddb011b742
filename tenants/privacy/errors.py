"""Error codes of export and erasure. Actions raise ValidationError with these codes; pages show the message next to
the field, GraphQL returns the code (upper case) in `errors`."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from wijkmarkt.platform.errors import fail  # noqa: F401 - the one way, re-exported for this app


class PrivacyErrorCode(StrEnum):
    CONFIRMATION_REQUIRED = "confirmation_required"
    ALREADY_ERASED = "already_erased"
    NOT_FOUND = "not_found"


# One answer for "no such member", "not yours to act for" and "another wijk", so nothing can be probed.
NOT_REACHABLE = _("Deze bewoner is niet gevonden, of u mag niet namens hem of haar handelen. Er is niets gewijzigd.")
