"""`eraseMe`: erase the viewer (or the member in `onBehalfOf`) from this wijk through tenants/privacy/actions. Without
`confirm: true`, for an unknown member or one the viewer may not act for, it returns `errors` and writes nothing."""

import graphene

from wijkmarkt.graphql.core.mutations import BaseMutation
from wijkmarkt.graphql.core.permissions import require_wijk_domain
from wijkmarkt.graphql.core.types import error_codes, error_type
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.privacy.queries import subject_of
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.privacy.actions import erase_member
from wijkmarkt.tenants.privacy.errors import NOT_REACHABLE, fail
from wijkmarkt.tenants.privacy.errors import PrivacyErrorCode as DomainErrorCode
from wijkmarkt.tenants.privacy.models import Channel

PrivacyErrorCode = error_codes(
    "PrivacyErrorCode", DomainErrorCode, "Why an erasure did not go through; `message` says it in words."
)
PrivacyError = error_type("PrivacyError", PrivacyErrorCode)


class EraseMe(BaseMutation):
    """Erase a member's data from this wijk (anonymised where exchanges of others depend on it). Cannot be undone."""

    class Arguments:
        confirm = graphene.Boolean(
            required=True, description="Must be true: you understand what is erased and that it cannot be undone."
        )
        on_behalf_of = graphene.ID(description="A member you are proxy for, or (makelaar) an offline resident.")

    erased = graphene.Boolean(required=True, description="True when the data was erased.")
    errors = graphene.List(graphene.NonNull(PrivacyError), required=True, description="What to fix; empty when done.")
    error_code_enum = PrivacyErrorCode

    @classmethod
    def perform(cls, info, confirm, on_behalf_of=None) -> dict:
        # Also in a paused wijk: a pause stops the marketplace, never a resident's right to erasure (AVG art. 17).
        require_wijk_domain(info)
        try:
            member, _as = subject_of(info, on_behalf_of)
        except NotFound:
            raise fail("on_behalf_of", str(NOT_REACHABLE), DomainErrorCode.NOT_FOUND) from None
        erase_member(viewer(info).actor, member=member, confirm=confirm, via=Channel.GRAPHQL)
        return {"erased": True}

    def resolve_erased(root, info) -> bool:
        return bool(root.erased)


class PrivacyMutations(graphene.ObjectType):
    erase_me = EraseMe.Field()
