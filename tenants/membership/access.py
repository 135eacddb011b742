"""Object access: "does not exist", "not yours to see" and "another wijk" all raise the same NotFound."""

from django.core.exceptions import ObjectDoesNotExist

from wijkmarkt.platform.accounts.permissions import Actor, Perm, has_permission
from wijkmarkt.tenants.membership.models import Membership
from wijkmarkt.tenants.membership.selectors import neighbours


class NotFound(ObjectDoesNotExist):
    pass


def neighbour_for(actor: Actor, membership_id: int) -> Membership:
    if not has_permission(actor, Perm.VIEW_NEIGHBOURS):
        raise NotFound
    membership = neighbours().filter(pk=membership_id).first()
    if membership is None:
        raise NotFound
    return membership
