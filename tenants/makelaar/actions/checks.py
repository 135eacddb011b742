"""Field checks every makelaar action shares: run them all and raise their errors together, and a choice from a
list. No imports from the other actions, so each of them can use these."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wijkmarkt.tenants.makelaar.errors import MakelaarErrorCode as Code
from wijkmarkt.tenants.makelaar.errors import fail


def collect(checks: dict) -> dict:
    """Run every field's check and raise all their errors together, so each field shows its own."""
    errors, values = {}, {}
    for name, check in checks.items():
        try:
            values[name] = check()
        except ValidationError as error:
            errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    return values


def choice(value: str, allowed, field: str) -> str:
    if value not in allowed:
        raise fail(field, _("Kies uit de lijst."), Code.INVALID_CHOICE)
    return value
