"""What one member may see of another, decided in one place: `Neighbour`. First name and street; house number, phone
and e-mail only when that member chose to show them in their profile. Every domain that shows a member uses it."""

import graphene
from django.core.exceptions import ObjectDoesNotExist

from wijkmarkt.graphql.core.ids import WijkNode
from wijkmarkt.graphql.marketplace.types.enums import ContactWayEnum
from wijkmarkt.tenants.marketplace.models import ContactWay, Profile
from wijkmarkt.tenants.membership.models import Membership


def _profile(member: Membership) -> Profile | None:
    try:
        return member.profile
    except ObjectDoesNotExist:
        return None


class Neighbour(graphene.ObjectType):
    """A member as other members see them: first name and street. House number, phone and e-mail appear only when
    the member chose to show them in their profile."""

    id = graphene.ID(required=True, description="The member's Membership ID, for `onBehalfOf`, reports and rings.")
    first_name = graphene.String(required=True, description="First name only.")
    street = graphene.String(description="The street they live in, never the house number; null if not given.")
    house_number = graphene.String(description="Only when the member chose to show it.")
    phone = graphene.String(description="Only when the member chose to show it.")
    email = graphene.String(description="Only when the member chose to show it.")
    contact_way = graphene.Field(graphene.NonNull(ContactWayEnum), description="How they like to be contacted.")

    @staticmethod
    def resolve_id(member: Membership, info):
        return WijkNode.to_global_id("Membership", member.pk)

    @staticmethod
    def resolve_first_name(member: Membership, info):
        return member.user.first_name

    @staticmethod
    def resolve_street(member: Membership, info):
        profile = _profile(member)
        if profile is not None and profile.street_id:
            return profile.street.name
        return member.street or None

    @staticmethod
    def resolve_house_number(member: Membership, info):
        profile = _profile(member)
        return (profile.house_number or None) if profile is not None and profile.show_house_number else None

    @staticmethod
    def resolve_phone(member: Membership, info):
        profile = _profile(member)
        return (profile.phone or None) if profile is not None and profile.show_phone else None

    @staticmethod
    def resolve_email(member: Membership, info):
        profile = _profile(member)
        return member.user.email if profile is not None and profile.show_email else None

    @staticmethod
    def resolve_contact_way(member: Membership, info):
        profile = _profile(member)
        return profile.contact_way if profile is not None else ContactWay.SITE
