"""What is a member's own: their profile, the relatives registered as their proxy, their notifications."""

import graphene
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.ids import WijkNode, node_pk
from wijkmarkt.graphql.core.viewer import viewer
from wijkmarkt.graphql.marketplace.related import neighbour_related
from wijkmarkt.graphql.marketplace.types.enums import ContactWayEnum, NotificationKindEnum
from wijkmarkt.graphql.marketplace.types.listings import StreetType
from wijkmarkt.graphql.marketplace.types.people import Neighbour
from wijkmarkt.tenants.marketplace.models import Notification, Profile
from wijkmarkt.tenants.membership.models import Proxy


class ProfileType(DjangoObjectType):
    """A member's own profile: a question and something to offer. Only the member, those acting for them and the
    makelaar see it whole; neighbours see the `Neighbour` summary."""

    member = graphene.Field(graphene.NonNull(Neighbour), description="Whose profile.")
    about = graphene.String(required=True, description="About me.")
    offers = graphene.String(required=True, description="What I can offer.")
    talents = graphene.List(graphene.NonNull(graphene.String), required=True, description="Talents and skills.")
    languages = graphene.List(graphene.NonNull(graphene.String), required=True, description="Languages spoken.")
    could_use = graphene.String(required=True, description="What I could use help with.")
    available = graphene.List(
        graphene.NonNull(graphene.String), required=True, description='When I am free: "mon_morning", "tue_evening"...'
    )
    contact_way = graphene.Field(graphene.NonNull(ContactWayEnum), description="How I like to be contacted.")
    street = graphene.Field(StreetType, description="My street.")
    house_number = graphene.String(required=True, description="My house number (neighbours only if shown).")
    phone = graphene.String(required=True, description="My phone number (neighbours only if shown).")
    show_house_number = graphene.Boolean(required=True, description="Neighbours may see my house number.")
    show_phone = graphene.Boolean(required=True, description="Neighbours may see my phone number.")
    show_email = graphene.Boolean(required=True, description="Neighbours may see my e-mail address.")
    notify_site = graphene.List(
        graphene.NonNull(NotificationKindEnum), required=True, description="Notifications I get in the site."
    )
    notify_email = graphene.List(
        graphene.NonNull(NotificationKindEnum), required=True, description="Notifications I get by e-mail."
    )

    class Meta:
        name = "Profile"
        model = Profile
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = node_pk(id)
        profile = Profile.objects.select_related("street", *neighbour_related("member")).filter(pk=pk).first()
        if profile is None or not viewer(info).may_act_for(profile.member_id):
            return None
        return profile


class ProxyType(DjangoObjectType):
    """A relative who may act for a member, registered with the member's consent."""

    principal = graphene.Field(graphene.NonNull(Neighbour), description="The member they act for.")
    first_name = graphene.String(required=True, description="The relative's first name.")
    relation = graphene.String(required=True, description='How they are related ("dochter").')
    consent_recorded_at = graphene.DateTime(required=True, description="When consent was recorded.")
    revoked_at = graphene.DateTime(description="When it was revoked, if it was.")

    class Meta:
        name = "Proxy"
        model = Proxy
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = node_pk(id)
        proxy = Proxy.objects.select_related("user", *neighbour_related("principal")).filter(pk=pk).first()
        current = viewer(info)
        if proxy is None or not (
            current.may_act_for(proxy.principal_id) or (current.actor.user and proxy.user_id == current.actor.user.pk)
        ):
            return None
        return proxy

    @staticmethod
    def resolve_first_name(proxy: Proxy, info):
        return proxy.user.first_name


class NotificationType(DjangoObjectType):
    """Something that happened for a member: a response, a change in an exchange, a match, an expiry, a ring."""

    member = graphene.Field(graphene.NonNull(Neighbour), description="For whom (the viewer, or whom they act for).")
    kind = graphene.Field(graphene.NonNull(NotificationKindEnum), description="What it is about.")
    text = graphene.String(required=True, description="The notification, in words.")
    url = graphene.String(required=True, description="Where to look, a path on this wijk's site (may be empty).")
    created_at = graphene.DateTime(required=True, description="When it happened.")
    read = graphene.Boolean(required=True, description="The member has seen it.")

    class Meta:
        name = "Notification"
        model = Notification
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        pk = node_pk(id)
        ids = viewer(info).speaks_for_ids
        return (
            Notification.objects.select_related(*neighbour_related("member")).filter(pk=pk, member_id__in=ids).first()
        )

    @staticmethod
    def resolve_read(notification: Notification, info):
        return notification.read_at is not None
