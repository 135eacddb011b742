"""Joining a wijk. A resident signs up on their wijk's site and becomes a member of that wijk only."""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkmarkt.platform.accounts.actions import create_account
from wijkmarkt.platform.accounts.models import Role, User
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.membership.models import Membership


def _require_open_wijk(wijk: Wijk) -> None:
    # Membership rows are written to the active schema: it must be this wijk's.
    if connection.schema_name != wijk.schema_name:
        raise RuntimeError(f"active schema {connection.schema_name} is not {wijk.schema_name}")
    if not wijk.open_for_sign_up:
        raise ValidationError(_("%(wijk)s neemt nu geen nieuwe leden aan.") % {"wijk": wijk.name}, code="wijk_closed")


def _require_house_rules(accepted: bool) -> None:
    if not accepted:
        raise ValidationError(
            {
                "accept_house_rules": ValidationError(
                    _("Lees de huisregels en vink aan dat u ze accepteert."), code="house_rules_not_accepted"
                )
            }
        )


def join_wijk(*, wijk: Wijk, user: User, accepted_house_rules: bool, role: Role = Role.RESIDENT) -> Membership:
    """Make an existing account a member of the active wijk (idempotent: an existing membership is returned)."""
    _require_open_wijk(wijk)
    existing = Membership.objects.filter(user=user).first()
    if existing is not None:
        return existing
    _require_house_rules(accepted_house_rules)
    with transaction.atomic():
        return Membership.objects.create(user=user, role=role, accepted_house_rules_at=timezone.now())


def sign_up_resident(
    *, wijk: Wijk, email: str, first_name: str, password: str, accepted_house_rules: bool
) -> Membership:
    """A new citywide account and its membership of the active wijk, both or neither."""
    _require_open_wijk(wijk)
    errors = {}
    try:
        _require_house_rules(accepted_house_rules)
    except ValidationError as error:
        errors.update(error.error_dict)
    with transaction.atomic():
        try:
            user = create_account(email=email, first_name=first_name, password=password)
        except ValidationError as error:
            errors = {**error.error_dict, **errors}
        if errors:
            raise ValidationError(errors)
        return Membership.objects.create(user=user, role=Role.RESIDENT, accepted_house_rules_at=timezone.now())
