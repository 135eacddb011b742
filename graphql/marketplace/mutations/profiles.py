"""A member's own things: their profile, the relatives registered as their proxy, their notifications."""

import graphene
from django.core.exceptions import PermissionDenied

from wijkmarkt.graphql.core.lookups import acting_member, find_node
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.mutations.base import MarketplaceMutation, field_pk
from wijkmarkt.graphql.marketplace.types.enums import ContactWayEnum, NotificationKindEnum
from wijkmarkt.graphql.marketplace.types.profiles import ProfileType, ProxyType
from wijkmarkt.tenants.marketplace.actions import profiles as profile_actions
from wijkmarkt.tenants.marketplace.actions.notifications import mark_notifications_read
from wijkmarkt.tenants.marketplace.models import Profile
from wijkmarkt.tenants.membership.actions import proxies


class ProfileFields(graphene.InputObjectType):
    """A profile change: fields left out keep their value; a field set to null is emptied."""

    class Meta:
        name = "ProfileInput"

    about = graphene.String(description="About me, at most 1000 characters.")
    offers = graphene.String(description="What I can offer, at most 1000 characters.")
    talents = graphene.List(graphene.NonNull(graphene.String), description="Talents and skills, at most 20.")
    languages = graphene.List(graphene.NonNull(graphene.String), description="Languages, at most 20.")
    could_use = graphene.String(description="What I could use help with, at most 1000 characters.")
    available = graphene.List(
        graphene.NonNull(graphene.String), description='When I am free: "mon_morning" ... "sun_evening".'
    )
    contact_way = ContactWayEnum(description="How I like to be contacted.")
    street = graphene.ID(description="My street (a Street ID of this wijk).")
    house_number = graphene.String(description="My house number, at most 10 characters.")
    phone = graphene.String(description="My phone number, at most 20 characters.")
    show_house_number = graphene.Boolean(description="Neighbours may see my house number.")
    show_phone = graphene.Boolean(description="Neighbours may see my phone number.")
    show_email = graphene.Boolean(description="Neighbours may see my e-mail address.")
    notify_site = graphene.List(graphene.NonNull(NotificationKindEnum), description="Notifications in the site.")
    notify_email = graphene.List(graphene.NonNull(NotificationKindEnum), description="Notifications by e-mail.")


# What a field set to null becomes: empty text and lists, no consent, contact via the site.
_BLANK = profile_actions.ProfileInput(notify_site=[])


def _profile_input(current: Profile | None, data) -> profile_actions.ProfileInput:
    """The whole profile the action stores: what is there now, with the given fields replaced."""
    values = profile_actions.ProfileInput()
    if current is not None:
        for name in values.__dataclass_fields__:
            setattr(values, name, getattr(current, name))
    for name, given in data.items():
        if name == "street":
            values.street_id = field_pk(given, "Street")
        elif given is None:
            setattr(values, name, getattr(_BLANK, name))
        else:
            setattr(values, name, list(given) if isinstance(given, list) else given)
    return values


class UpdateProfile(MarketplaceMutation):
    """Change your profile (the makelaar: someone's profile, named in `onBehalfOf`)."""

    refused_while_suspended = False  # neither a post nor a response: the action alone decides

    class Arguments:
        input = ProfileFields(required=True, description="The fields to change.")
        on_behalf_of = graphene.ID(description="Whose profile (a Membership ID), for the makelaar; default yours.")

    profile = graphene.Field(ProfileType, description="The profile.")

    @classmethod
    def act(cls, info, wijk, input, on_behalf_of=None) -> dict:
        member = acting_member(info, on_behalf_of)
        data = _profile_input(Profile.objects.filter(member=member).first(), input)
        return {"profile": profile_actions.update_profile(actor=viewer(info).actor, member=member, data=data)}


class RegisterProxy(MarketplaceMutation):
    """Register a relative's account as proxy, with the member's consent: the member themselves, or the makelaar
    recording that consent. The relative need not live in the wijk."""

    refused_while_suspended = False  # neither a post nor a response: the action alone decides

    class Arguments:
        proxy_email = graphene.String(required=True, description="The e-mail address of the relative's account.")
        relation = graphene.String(required=True, description='How they are related ("zoon"), at most 60 characters.')
        on_behalf_of = graphene.ID(description="The member (a Membership ID), for the makelaar; default yourself.")

    proxy = graphene.Field(ProxyType, description="The registration.")

    @classmethod
    def act(cls, info, wijk, proxy_email, relation, on_behalf_of=None) -> dict:
        principal = acting_member(info, on_behalf_of)
        proxy = proxies.register_proxy(
            actor=viewer(info).actor, principal=principal, proxy_email=proxy_email, relation=relation
        )
        return {"proxy": proxy}


class RevokeProxy(MarketplaceMutation):
    """End a proxy registration (the member, the relative or the makelaar)."""

    refused_while_suspended = False  # neither a post nor a response: the action alone decides

    class Arguments:
        id = graphene.ID(required=True, description="The registration (a Proxy ID).")

    proxy = graphene.Field(ProxyType, description="The ended registration.")

    @classmethod
    def act(cls, info, wijk, id) -> dict:
        proxy = find_node(ProxyType, info, id)
        return {"proxy": proxies.revoke_proxy(actor=viewer(info).actor, proxy=proxy)}


class MarkNotificationsRead(MarketplaceMutation):
    """Mark all your notifications as read."""

    refused_while_suspended = False  # neither a post nor a response: the action alone decides

    marked = graphene.Int(description="How many were unread.")

    @classmethod
    def act(cls, info, wijk) -> dict:
        member = viewer(info).member
        if member is None:
            raise PermissionDenied("not a member")
        return {"marked": mark_notifications_read(member=member)}
