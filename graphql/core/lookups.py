"""What a mutation acts on, from its arguments: the object a global ID names (as its type lets the viewer see it),
the member named in `onBehalfOf`, and the refusal a suspended member gets; and the row a type's `get_node` may
reach. Shared by every domain's types and
mutations, so a missing, hidden or other-wijk ID is answered the same way everywhere."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error
from wijkmarkt.graphql.core.ids import local_pk, node_pk
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.membership.models import Membership


def find_node(node_type, info, global_id: str):
    """The object a global ID names, as its type's `get_node` lets the viewer see it; else NotFound."""
    pk = local_pk(global_id, node_type._meta.name)
    found = node_type.get_node(info, pk) if pk is not None else None
    if found is None:
        raise NotFound
    return found


def reachable(finder, info, id):
    """For `get_node`: the row `finder` (an access.py function) lets the viewer reach, or None. The ID was already
    checked to be of this wijk by WijkNode; here it must be a number and the viewer's to see."""
    pk = node_pk(id)
    if pk is None:
        return None
    try:
        return finder(viewer(info).actor, pk)
    except NotFound:
        return None


def acting_member(info, global_id: str | None) -> Membership:
    """The member named in `onBehalfOf`/`ownerId`, or the viewer's own membership. Whether the viewer may act for
    them is the action's decision (access.acting_as)."""
    current = viewer(info)
    if global_id is None:
        if current.member is not None:
            return current.member
        if len(current.principals) == 1:  # a relative who is the proxy of one member: who else could it be for
            return current.principals[0]
        raise PermissionDenied("act_for")
    pk = local_pk(global_id, "Membership")
    member = Membership.objects.select_related("user").filter(pk=pk).first() if pk is not None else None
    if member is None or not (current.may_see_neighbours or member.pk in current.principal_ids):
        raise NotFound
    return member


def suspended_error():
    return graphql_error(
        ErrorCode.PERMISSION_DENIED, _("U bent geschorst: u kunt lezen, maar niets plaatsen of reageren.")
    )
