"""GraphQL types of a wijk: its public fields, its theme and its local rules, read from the public schema, so a
wijk's ID resolves on every domain; the template wijk that new wijken are cloned from never does."""

import graphene
from django.templatetags.static import static
from graphene_django import DjangoObjectType

from wijkmarkt.graphql.core.ids import WijkNode, public_schema_type
from wijkmarkt.platform.wijken.models import Module, Wijk, WijkStatus

WijkStatusEnum = graphene.Enum.from_enum(WijkStatus, description="Where a wijk is in its life.")
WijkModuleEnum = graphene.Enum.from_enum(Module, description="A part of the site a wijk can switch on or off.")


class WijkTheme(graphene.ObjectType):
    """How the wijk's site looks."""

    name = graphene.String(required=True, description="The theme folder under themes/.")
    tagline = graphene.String(required=True)
    primary_colour = graphene.String(required=True, description="#RRGGBB, at least 4.5:1 against white.")
    logo_url = graphene.String(description="Address of the logo, or null.")


class WijkRules(graphene.ObjectType):
    """The wijk's local rules."""

    modules = graphene.List(graphene.NonNull(WijkModuleEnum), required=True)
    points_enabled = graphene.Boolean(required=True)
    listing_expiry_days = graphene.Int(required=True)
    house_rules = graphene.String(required=True)
    postcodes = graphene.List(graphene.NonNull(graphene.String), required=True)


@public_schema_type
class WijkType(DjangoObjectType):
    """A wijk: its own site, schema and rules. Public fields only."""

    slug = graphene.String(required=True)
    status = graphene.Field(graphene.NonNull(WijkStatusEnum))
    areas = graphene.List(graphene.NonNull(graphene.String), required=True, description="The buurten it covers.")
    theme = graphene.Field(graphene.NonNull(WijkTheme))
    rules = graphene.Field(graphene.NonNull(WijkRules))
    open_for_sign_up = graphene.Boolean(required=True)

    class Meta:
        name = "Wijk"
        model = Wijk
        interfaces = (WijkNode,)
        fields = ("id", "name", "started_on")

    @classmethod
    def get_node(cls, info, id):
        return Wijk.objects.filter(pk=id, is_template=False).first()

    @staticmethod
    def resolve_theme(wijk: Wijk, info):
        return WijkTheme(
            name=wijk.theme,
            tagline=wijk.tagline,
            primary_colour=wijk.primary_colour,
            logo_url=static(wijk.logo) if wijk.logo else None,
        )

    @staticmethod
    def resolve_rules(wijk: Wijk, info):
        return WijkRules(
            modules=wijk.modules,
            points_enabled=wijk.points_enabled,
            listing_expiry_days=wijk.listing_expiry_days,
            house_rules=wijk.house_rules,
            postcodes=wijk.postcodes,
        )

    @staticmethod
    def resolve_status(wijk: Wijk, info):
        return wijk.status
