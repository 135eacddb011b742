"""Membership mutations: joining this domain's wijk with the account one is logged in with, and signing up, whose
answer is the same whether the address has an account or not, so it tells nobody who has one."""

import graphene

from wijkmarkt.graphql.core.errors import permission_denied
from wijkmarkt.graphql.core.mutations import BaseMutation
from wijkmarkt.graphql.core.permissions import actor, require_wijk_domain
from wijkmarkt.graphql.core.types import error_type
from wijkmarkt.graphql.membership.types import MembershipType
from wijkmarkt.platform.accounts.client_address import client_address
from wijkmarkt.tenants.membership.actions import joining


class MembershipErrorCode(graphene.Enum):
    """Why joining or signing up did not work."""

    REQUIRED = "REQUIRED"
    INVALID_EMAIL = "INVALID_EMAIL"
    TOO_LONG = "TOO_LONG"
    INVALID_CHARACTERS = "INVALID_CHARACTERS"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"  # noqa: S105 - an error code, not a password
    PASSWORD_TOO_COMMON = "PASSWORD_TOO_COMMON"  # noqa: S105 - an error code, not a password
    PASSWORD_ENTIRELY_NUMERIC = "PASSWORD_ENTIRELY_NUMERIC"  # noqa: S105 - an error code, not a password
    PASSWORD_TOO_SIMILAR = "PASSWORD_TOO_SIMILAR"  # noqa: S105 - an error code, not a password
    HOUSE_RULES_NOT_ACCEPTED = "HOUSE_RULES_NOT_ACCEPTED"
    WIJK_CLOSED = "WIJK_CLOSED"
    RATE_LIMITED = "RATE_LIMITED"
    INVALID = "INVALID"


MembershipError = error_type("MembershipError", MembershipErrorCode)


class JoinWijk(BaseMutation):
    """The logged-in account becomes a member of this domain's wijk by accepting its house rules."""

    class Arguments:
        accept_house_rules = graphene.Boolean(required=True, description="The member read and accepts the rules.")

    membership = graphene.Field(MembershipType)
    errors = graphene.List(graphene.NonNull(MembershipError), required=True)
    error_code_enum = MembershipErrorCode

    @classmethod
    def perform(cls, info, accept_house_rules: bool) -> dict:
        wijk = require_wijk_domain(info)
        user = actor(info).user
        if user is None:
            raise permission_denied()
        return {"membership": joining.join_wijk(wijk=wijk, user=user, accepted_house_rules=accept_house_rules)}


class SignUp(BaseMutation):
    """Sign up for this domain's wijk. With no `errors`, look in your e-mail: a new address gets a welcome mail and is
    a member of this wijk; an address that already has an account is left as it is and its owner is mailed how to log
    in. The answer is the same either way, so it tells nobody who has an account. Does not log in."""

    class Arguments:
        email = graphene.String(required=True)
        first_name = graphene.String(required=True)
        password = graphene.String(required=True)
        accept_house_rules = graphene.Boolean(required=True)

    errors = graphene.List(graphene.NonNull(MembershipError), required=True)
    error_code_enum = MembershipErrorCode

    @classmethod
    def perform(cls, info, email: str, first_name: str, password: str, accept_house_rules: bool) -> dict:
        joining.sign_up_resident(
            wijk=require_wijk_domain(info),
            email=email,
            first_name=first_name,
            password=password,
            accepted_house_rules=accept_house_rules,
            client=client_address(info.context),
        )
        return {}


class MembershipMutations(graphene.ObjectType):
    join_wijk = JoinWijk.Field()
    sign_up = SignUp.Field()
