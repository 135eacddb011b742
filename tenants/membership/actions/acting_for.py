"""The acting-for log's one writer. Called by every action where a proxy or a makelaar acts for a resident (after
`acting_as`, in any wijk app). Imports nothing but models, so any app's actions can call it without an import
cycle."""

from django.db import models

from wijkmarkt.platform.accounts.permissions import Actor
from wijkmarkt.tenants.membership.models import ActingFor, ActingWhat, Membership, PlacedAs


def record_acting_for(
    actor: Actor, *, member: Membership, placed_as: str, what: ActingWhat, obj: models.Model | None = None
) -> ActingFor | None:
    """Write who did what for whom, on which object; nothing when the resident acted themselves. Call it inside the
    action's transaction, so the log never shows a change that rolled back."""
    if placed_as == PlacedAs.SELF or actor.user is None:
        return None
    return ActingFor.objects.create(
        actor=actor.user,
        placed_as=placed_as,
        member=member,
        what=what,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=obj.pk if obj is not None else None,
    )
