"""The base of the marketplace's mutations, its error codes, and the arguments and lookups several operation groups
share."""

import graphene
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from graphql import GraphQLError
from wijkmarkt.graphql.core.errors import ErrorCode, graphql_error
from wijkmarkt.graphql.core.ids import local_pk, pk_or_nowhere
from wijkmarkt.graphql.core.lookups import acting_member
from wijkmarkt.graphql.core.mutations import WijkMutation
from wijkmarkt.graphql.core.types import error_codes, error_type
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.queries import marketplace_wijk
from wijkmarkt.platform.wijken.models import Wijk
from wijkmarkt.tenants.marketplace.errors import MarketplaceErrorCode as DomainErrorCode
from wijkmarkt.tenants.membership.access import NotFound, neighbour_for
from wijkmarkt.tenants.membership.models import Membership

MarketplaceErrorCode = error_codes(
    "MarketplaceErrorCode",
    DomainErrorCode,
    "Why a marketplace change did not go through; `message` says it in words.",
)
MarketplaceError = error_type("MarketplaceError", MarketplaceErrorCode)


class MarketplaceMutation(WijkMutation):
    """Subclasses implement `act(info, wijk, **arguments)` by calling one action. The marketplace must be on in
    this wijk; a refusal because the member acted for is suspended says so, as the pages do."""

    class Meta:
        abstract = True

    errors = graphene.List(
        graphene.NonNull(MarketplaceError), required=True, description="What to fix; empty when it worked."
    )
    error_code_enum = MarketplaceErrorCode

    @classmethod
    def wijk_of(cls, info) -> Wijk:
        return marketplace_wijk(info)

    @classmethod
    def refusal(cls, refusal: PermissionDenied) -> GraphQLError | None:
        if str(refusal) == "suspended":
            return graphql_error(
                ErrorCode.PERMISSION_DENIED, _("Deze buur is geschorst. U kunt nu niets voor deze buur doen.")
            )
        return None


# --- what a mutation acts on, and the arguments that name it ----------------------------------------------------


def field_pk(global_id: str | None, type_name: str) -> int | None:
    """A field's ID for an action that checks it itself: None when not given, NOWHERE when not of this wijk."""
    return pk_or_nowhere(global_id, type_name) if global_id else None


def on_behalf_of_member(info, global_id: str | None) -> Membership | None:
    return None if global_id is None else acting_member(info, global_id)


def neighbour_of(info, global_id: str) -> Membership:
    pk = local_pk(global_id, "Membership")
    if pk is None:
        raise NotFound
    return neighbour_for(viewer(info).actor, pk)


def on_behalf_of_argument():
    return graphene.ID(description="The member you act for (a Membership ID), as proxy or makelaar; default yourself.")


def listing_id_argument(what: str):
    return graphene.ID(required=True, description=f"The listing to {what} (a Listing ID).")
