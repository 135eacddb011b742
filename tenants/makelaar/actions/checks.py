"""A choice from a list, the field check the makelaar's actions share (running all checks and raising their errors
together is platform.errors.collect). No imports from the other actions, so each of them can use it."""

from django.utils.translation import gettext as _

from wijkmarkt.tenants.makelaar.errors import MakelaarErrorCode as Code
from wijkmarkt.tenants.makelaar.errors import fail


def choice(value: str, allowed, field: str) -> str:
    if value not in allowed:
        raise fail(field, _("Kies uit de lijst."), Code.INVALID_CHOICE)
    return value
