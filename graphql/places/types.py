"""GraphQL types of "In de wijk": partner organisations and their contact persons (public schema, so their IDs carry
"public"), a partner's presence in this wijk, and the wijk's meeting places and counters with opening hours
(wijk-scoped IDs: an ID of another wijk resolves to null)."""

import graphene
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.ids import WijkNode, public_schema_type
from wijkmarkt.platform.partners.models import ContactPerson, Partner, PartnerKind
from wijkmarkt.tenants.membership.access import NotFound
from wijkmarkt.tenants.places.access import place_for
from wijkmarkt.tenants.places.models import Day, Place, PlaceKind

PartnerKindEnum = graphene.Enum.from_enum(PartnerKind, description="The covenant's group of partners.")
PlaceKindEnum = graphene.Enum.from_enum(PlaceKind, description="A meeting place or a counter (loket).")
DayEnum = graphene.Enum.from_enum(Day, name="OpeningDay", description="A day of the week, Monday first.")


@public_schema_type
class ContactPersonType(DjangoObjectType):
    """A named contact person of a partner organisation."""

    name = graphene.String(required=True, description="Full name.")
    role = graphene.String(required=True, description="Their job, or empty.")
    phone = graphene.String(required=True, description="Phone number, or empty.")
    email = graphene.String(required=True, description="E-mail address, or empty.")

    class Meta:
        name = "ContactPerson"
        model = ContactPerson
        interfaces = (WijkNode,)
        fields = ("id", "name", "role", "phone", "email", "partner")

    @classmethod
    def get_node(cls, info, id):
        return (
            ContactPerson.objects.filter(pk=id, active=True, partner__active=True).first()
            if str(id).isdigit()
            else None
        )


@public_schema_type
class PartnerType(DjangoObjectType):
    """A partner organisation of the covenant, citywide."""

    name = graphene.String(required=True, description="Name of the organisation.")
    kind = graphene.Field(graphene.NonNull(PartnerKindEnum), description="Which group of partners.")
    offer = graphene.String(required=True, description="What the partner offers, citywide, plain text.")
    website = graphene.String(required=True, description="Website, or empty.")

    class Meta:
        name = "Partner"
        model = Partner
        interfaces = (WijkNode,)
        fields = ("id", "name", "offer", "website", "phone", "email")

    @classmethod
    def get_node(cls, info, id):
        return Partner.objects.filter(pk=id, active=True).first() if str(id).isdigit() else None


class WijkPartnerType(graphene.ObjectType):
    """A partner active in this wijk: what it offers here and whom to contact here."""

    class Meta:
        name = "WijkPartner"

    partner = graphene.Field(graphene.NonNull(PartnerType), description="The organisation.")
    offer = graphene.String(required=True, description="What it offers in this wijk; else its citywide offer.")
    contact = graphene.Field(ContactPersonType, description="The contact person in this wijk, or null.")

    @staticmethod
    def resolve_offer(link, info):
        return link.offer or link.partner.offer


class OpeningPeriod(graphene.ObjectType):
    """One period a place is open on one day."""

    day = graphene.Field(graphene.NonNull(DayEnum), description="The day.")
    opens = graphene.String(required=True, description="Opening time, HH:MM.")
    closes = graphene.String(required=True, description="Closing time, HH:MM.")

    @staticmethod
    def resolve_day(period, info):
        return period.day

    @staticmethod
    def resolve_opens(period, info):
        return f"{period.opens:%H:%M}"

    @staticmethod
    def resolve_closes(period, info):
        return f"{period.closes:%H:%M}"


class PlaceType(DjangoObjectType):
    """A meeting place or counter of this wijk, with its opening hours."""

    kind = graphene.Field(graphene.NonNull(PlaceKindEnum), description="Meeting place or counter.")
    name = graphene.String(required=True, description="Name of the place.")
    address = graphene.String(required=True, description="Street and number.")
    postcode = graphene.String(required=True, description="Postcode, or empty.")
    description = graphene.String(required=True, description="What one can do there, plain text.")
    phone = graphene.String(required=True, description="Phone number, or empty.")
    email = graphene.String(required=True, description="E-mail address, or empty.")
    wheelchair_accessible = graphene.Boolean(required=True, description="Reachable with a wheelchair.")
    opening_hours = graphene.List(
        graphene.NonNull(OpeningPeriod), required=True, description="Opening periods, Monday first; none is closed."
    )

    class Meta:
        name = "Place"
        model = Place
        interfaces = (WijkNode,)
        fields = ("id",)

    @classmethod
    def get_node(cls, info, id):
        try:
            return place_for(id)
        except NotFound:
            return None

    @staticmethod
    def resolve_opening_hours(place, info):
        return list(place.hours.all())
