"""`myData`: everything this wijk holds about the viewer (or, as proxy or makelaar, the member in `onBehalfOf`) as
the same JSON document the Mijn gegevens page downloads. Each call is logged (tenants/privacy/actions)."""

import graphene

from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error
from wijkmarkt.graphql.core.ids import local_pk
from wijkmarkt.graphql.core.permissions import require_wijk_domain
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.privacy.access import subject_for
from wijkmarkt.tenants.privacy.actions import export_member_data
from wijkmarkt.tenants.privacy.errors import NOT_REACHABLE
from wijkmarkt.tenants.privacy.export import export_json
from wijkmarkt.tenants.privacy.models import Channel


def subject_of(info, on_behalf_of: str | None):
    """The member `onBehalfOf` names (None: the viewer), as tenants/privacy/access allows; else NotFound."""
    member_id = None
    if on_behalf_of is not None:
        member_id = local_pk(on_behalf_of, "Membership")
        if member_id is None:
            raise NotFound
    return subject_for(viewer(info).actor, member_id)


class PrivacyQueries(graphene.ObjectType):
    my_data = graphene.String(
        on_behalf_of=graphene.ID(description="A member you are proxy for, or (makelaar) an offline resident."),
        description="Everything this wijk holds about you (or the member in onBehalfOf) as one JSON document; "
        "every call is logged. Another wijk's data is never in it.",
    )

    def resolve_my_data(root, info, on_behalf_of=None):
        require_wijk_domain(info)
        try:
            member, _as = subject_of(info, on_behalf_of)
        except NotFound:
            raise graphql_error(ErrorCode.NOT_FOUND, str(NOT_REACHABLE)) from None
        return export_json(export_member_data(viewer(info).actor, member=member, via=Channel.GRAPHQL))
